using System;
using System.Collections.Generic;

namespace BinancePostman.Session
{
    /// <summary>
    /// The parameter values of one call, formatted once as Binance expects them (see <see cref="ParameterValueFormatter"/>),
    /// in the order given. A name given again replaces the earlier value, whatever its case; a null value removes it.
    /// </summary>
    public sealed class RequestValues
    {
        private readonly List<KeyValuePair<string, string>> _values = new List<KeyValuePair<string, string>>();

        public IReadOnlyList<KeyValuePair<string, string>> Items => _values;

        /// <param name="value">a plain .NET value (PowerShell wrappers already taken off)</param>
        public void Set(string name, object? value)
        {
            _values.RemoveAll(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase));
            string? text = ParameterValueFormatter.Format(value);
            if (text != null) _values.Add(new KeyValuePair<string, string>(name, text));
        }
    }
}
