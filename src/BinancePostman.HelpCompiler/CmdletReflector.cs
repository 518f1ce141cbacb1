using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace BinancePostman.HelpCompiler
{
    /// <summary>
    /// Reads the cmdlet classes of a built module assembly: CmdletAttribute, ParameterAttribute and friends, as
    /// PowerShell itself will see them. Hidden (DontShow) parameters are left out, as Get-Help leaves them out.
    /// </summary>
    public static class CmdletReflector
    {
        public const string AllSets = "__AllParameterSets";

        public static List<CmdletMetadata> Read(string assemblyPath)
        {
            Assembly assembly = Assembly.LoadFrom(assemblyPath);
            Type[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                types = ex.Types.Where(t => t != null).ToArray()!;
            }
            return types
                .Where(t => t.IsPublic && !t.IsAbstract && typeof(Cmdlet).IsAssignableFrom(t) && t.GetCustomAttribute<CmdletAttribute>() != null)
                .Select(Describe)
                .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        public static CmdletMetadata Describe(Type type)
        {
            CmdletAttribute cmdlet = type.GetCustomAttribute<CmdletAttribute>()!;
            var meta = new CmdletMetadata(cmdlet.VerbName, cmdlet.NounName)
            {
                DefaultParameterSet = cmdlet.DefaultParameterSetName,
                SupportsShouldProcess = cmdlet.SupportsShouldProcess,
                SupportsPaging = cmdlet.SupportsPaging,
            };
            foreach (OutputTypeAttribute output in type.GetCustomAttributes<OutputTypeAttribute>(true))
                foreach (PSTypeName t in output.Type)
                    if (!meta.OutputTypes.Contains(t.Name)) meta.OutputTypes.Add(t.Name);

            object? instance = TryCreate(type);
            foreach (PropertyInfo property in DeclarationOrder(type))
            {
                var parameterAttributes = property.GetCustomAttributes<ParameterAttribute>(true).ToList();
                if (parameterAttributes.Count == 0 || parameterAttributes.Any(p => p.DontShow)) continue;
                Type parameterType = property.PropertyType;
                var p = new ParameterMetadata(property.Name, ShortName(parameterType), FullName(parameterType))
                {
                    SupportsWildcards = property.IsDefined(typeof(SupportsWildcardsAttribute), true),
                };
                foreach (AliasAttribute alias in property.GetCustomAttributes<AliasAttribute>(true)) p.Aliases.AddRange(alias.AliasNames);
                Type element = Nullable.GetUnderlyingType(parameterType) ?? parameterType;
                if (element.IsArray) element = element.GetElementType()!;
                if (element.IsEnum) p.AllowedValues.AddRange(Enum.GetNames(element));
                foreach (ValidateSetAttribute set in property.GetCustomAttributes<ValidateSetAttribute>(true)) p.AllowedValues.AddRange(set.ValidValues);
                foreach (ParameterAttribute attribute in parameterAttributes)
                {
                    p.Sets[attribute.ParameterSetName] = new ParameterBinding
                    {
                        Mandatory = attribute.Mandatory,
                        Position = attribute.Position == int.MinValue ? (int?)null : attribute.Position,
                        ValueFromPipeline = attribute.ValueFromPipeline,
                        ValueFromPipelineByPropertyName = attribute.ValueFromPipelineByPropertyName,
                        ValueFromRemainingArguments = attribute.ValueFromRemainingArguments,
                    };
                }
                if (!p.Sets.Values.All(s => s.Mandatory)) p.DefaultValue = DefaultOf(property, instance);
                meta.Parameters.Add(p);
            }
            if (meta.SupportsPaging)
            {
                // PowerShell adds them (PagingParameters) with the types and defaults it gives them
                foreach (var (name, typeName, fullType, value) in new[]
                {
                    ("Skip", "UInt64", "System.UInt64", "0"),
                    ("First", "UInt64", "System.UInt64", ulong.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("IncludeTotalCount", "SwitchParameter", "System.Management.Automation.SwitchParameter", "False"),
                })
                {
                    var p = new ParameterMetadata(name, typeName, fullType) { IsPaging = true, DefaultValue = value };
                    p.Sets[AllSets] = new ParameterBinding();
                    meta.Parameters.Add(p);
                }
            }
            if (meta.SupportsShouldProcess)
            {
                foreach (var (name, alias) in new[] { ("WhatIf", "wi"), ("Confirm", "cf") })
                {
                    var p = new ParameterMetadata(name, "SwitchParameter", "System.Management.Automation.SwitchParameter") { IsShouldProcess = true, DefaultValue = "False" };
                    p.Aliases.Add(alias);
                    p.Sets[AllSets] = new ParameterBinding();
                    meta.Parameters.Add(p);
                }
            }
            return meta;
        }

        /// <summary>The class's own properties first, then each base class's, as the source reads from the top.</summary>
        private static IEnumerable<PropertyInfo> DeclarationOrder(Type type)
        {
            var chain = new List<Type>();
            for (Type? t = type; t != null && t != typeof(PSCmdlet) && t != typeof(Cmdlet); t = t.BaseType) chain.Add(t);
            foreach (Type t in chain)
                foreach (PropertyInfo p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).OrderBy(p => p.MetadataToken))
                    yield return p;
        }

        private static object? TryCreate(Type type)
        {
            try { return Activator.CreateInstance(type); }
            catch (Exception) { return null; }
        }

        private static string DefaultOf(PropertyInfo property, object? instance)
        {
            if (property.PropertyType == typeof(SwitchParameter)) return "False";
            if (instance == null) return "None";
            object? value;
            try { value = property.GetValue(instance); }
            catch (Exception) { return "None"; }
            switch (value)
            {
                case null: return "None";
                case string s when s.Length == 0: return "None";
                case ICollection c when c.Count == 0: return "None";
                case bool b: return b ? "True" : "False";
                case IFormattable f: return f.ToString(null, System.Globalization.CultureInfo.InvariantCulture);
                default: return value.ToString() ?? "None";
            }
        }

        /// <summary>Type names as PowerShell's syntax shows them: no namespace, Nullable unwrapped, arrays kept.</summary>
        public static string ShortName(Type type)
        {
            Type t = Nullable.GetUnderlyingType(type) ?? type;
            if (t.IsArray) return ShortName(t.GetElementType()!) + "[]";
            return t.Name;
        }

        public static string FullName(Type type)
        {
            Type t = Nullable.GetUnderlyingType(type) ?? type;
            if (t.IsArray) return FullName(t.GetElementType()!) + "[]";
            return t.FullName ?? t.Name;
        }
    }
}
