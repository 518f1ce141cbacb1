using System.Collections;
using System.Linq;
using System.Management.Automation;

namespace BinancePostman.Commands
{
    /// <summary>Takes PowerShell's wrappers off a parameter value, all the way down, so the request sees plain .NET values.</summary>
    internal static class ValueConversion
    {
        public static object? Unwrap(object? value)
        {
            if (value is PSObject pso)
            {
                if (pso.BaseObject is PSCustomObject)
                {
                    var properties = new System.Collections.Specialized.OrderedDictionary();
                    foreach (PSPropertyInfo p in pso.Properties) properties[p.Name] = Unwrap(p.Value);
                    return properties;
                }
                value = pso.BaseObject;
            }
            if (value is IDictionary dictionary)
            {
                var copy = new System.Collections.Specialized.OrderedDictionary();
                foreach (DictionaryEntry entry in dictionary) copy[entry.Key] = Unwrap(entry.Value);
                return copy;
            }
            if (value is object[] array) return array.Select(Unwrap).ToArray();
            return value;
        }
    }
}
