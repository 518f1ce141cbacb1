using System.Collections.Generic;
using System.Management.Automation;

namespace BinancePostman.Commands
{
    /// <summary>"-name value" pairs from arguments that matched no parameter; a switch-like name alone is true; a value without a name is an error.</summary>
    internal static class RemainingArgumentParser
    {
        public static IEnumerable<KeyValuePair<string, object?>> Pairs(object[]? arguments)
        {
            if (arguments == null) yield break;
            for (int i = 0; i < arguments.Length; i++)
            {
                string? token = ValueConversion.Unwrap(arguments[i]) as string;
                if (token == null || token.Length < 2 || token[0] != '-')
                    throw new PSArgumentException($"'{ValueConversion.Unwrap(arguments[i])}' is not a parameter value of any parameter. Endpoint parameters are passed as -name value.");
                string name = token.Substring(1).TrimEnd(':');
                bool nextIsName = i + 1 < arguments.Length && ValueConversion.Unwrap(arguments[i + 1]) is string next
                    && next.StartsWith("-", System.StringComparison.Ordinal) && next.Length > 1 && char.IsLetter(next[1]);
                object? value = i + 1 < arguments.Length && !nextIsName ? arguments[++i] : true;
                yield return new KeyValuePair<string, object?>(name, value);
            }
        }
    }
}
