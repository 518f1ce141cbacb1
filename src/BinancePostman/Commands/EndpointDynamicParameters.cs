using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using BinancePostman.Catalog;

namespace BinancePostman.Commands
{
    /// <summary>
    /// Each parameter of an endpoint as a dynamic parameter of the cmdlet (-symbol BTCUSDT). None is mandatory to
    /// the binder: the module checks required ones itself, so -Parameters can supply them too.
    /// </summary>
    internal static class EndpointDynamicParameters
    {
        /// <summary>The names a cmdlet's own parameters, their aliases, the common parameters and (with SupportsPaging) -First, -Skip and -IncludeTotalCount take (any case).</summary>
        public static HashSet<string> NamesTakenBy(Type cmdlet)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in cmdlet.GetProperties())
            {
                if (!property.IsDefined(typeof(ParameterAttribute), true)) continue;
                names.Add(property.Name);
                foreach (AliasAttribute alias in property.GetCustomAttributes(typeof(AliasAttribute), true))
                    foreach (string a in alias.AliasNames) names.Add(a);
            }
            foreach (string common in new[] { "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction",
                "ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
                "vb", "db", "ea", "wa", "infa", "proga", "ev", "wv", "iv", "ov", "ob", "pv", "wi", "cf" })
                names.Add(common);
            foreach (CmdletAttribute attribute in cmdlet.GetCustomAttributes(typeof(CmdletAttribute), true))
                if (attribute.SupportsPaging)
                    foreach (string paging in new[] { "First", "Skip", "IncludeTotalCount" })
                        names.Add(paging);
            return names;
        }

        /// <param name="endpoints">the endpoint named, or those that will be piped: their parameters, each once</param>
        public static RuntimeDefinedParameterDictionary For(IReadOnlyList<Endpoint> endpoints, ICollection<string> taken)
        {
            var dictionary = new RuntimeDefinedParameterDictionary();
            foreach (Endpoint endpoint in endpoints)
                Add(dictionary, endpoint, taken);
            return dictionary;
        }

        private static void Add(RuntimeDefinedParameterDictionary dictionary, Endpoint endpoint, ICollection<string> taken)
        {
            IReadOnlyDictionary<string, IReadOnlyList<string>> enumerated = ParameterValues.Of(endpoint);
            foreach (EndpointParameter p in endpoint.Parameters)
            {
                if (!IsUsableName(p.Name) || Contains(taken, p.Name) || Contains(dictionary.Keys, p.Name)) continue;
                var attributes = new Collection<Attribute>
                {
                    new ParameterAttribute
                    {
                        HelpMessage = (p.Required ? "Required. " : "Optional. ") + (p.Description ?? ""),
                    },
                    new LiteralTextAttribute(),
                };
                // a completer, not ValidateSet: Binance adds values, and any value is still sent
                if (enumerated.ContainsKey(p.Name)) attributes.Add(new ArgumentCompleterAttribute(typeof(Completion.ParameterValueCompleter)));
                dictionary.Add(p.Name, new RuntimeDefinedParameter(p.Name, typeof(object), attributes));
            }
        }

        private static bool Contains(ICollection<string> names, string name)
        {
            foreach (string n in names)
                if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>A PowerShell parameter name must be a plain word (Binance names are: symbol, newClientOrderId...).</summary>
        private static bool IsUsableName(string name)
        {
            if (name.Length == 0 || !char.IsLetter(name[0])) return false;
            foreach (char c in name)
                if (!char.IsLetterOrDigit(c) && c != '_') return false;
            return true;
        }
    }
}
