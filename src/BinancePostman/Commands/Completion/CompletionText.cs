using System.Management.Automation;

namespace BinancePostman.Commands.Completion
{
    /// <summary>Turns a name into completion text a user can run: single-quoted when it holds anything but plain word characters.</summary>
    internal static class CompletionText
    {
        public static string Quote(string name)
        {
            foreach (char c in name)
            {
                if (!(char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.'))
                    return "'" + name.Replace("'", "''") + "'";
            }
            return name;
        }

        /// <summary>The word typed so far, without the quote the user may have opened, as a prefix pattern.</summary>
        public static WildcardPattern PatternFor(string? wordToComplete)
        {
            string word = (wordToComplete ?? "").Trim('\'', '"');
            return WildcardPattern.Get(word + "*", WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
        }

        public static CompletionResult Result(string name, string tooltip) =>
            new CompletionResult(Quote(name), name, CompletionResultType.ParameterValue, string.IsNullOrEmpty(tooltip) ? name : tooltip);
    }
}
