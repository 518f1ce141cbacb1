using System.Text.RegularExpressions;

namespace BinancePostman.Catalog.Scripts
{
    /// <summary>
    /// The line-by-line safety net for scripts the tracker could not read or finish: requests of their own, code from
    /// text and key reads still show, so that a script cannot hide a theft behind syntax the tracker does not know.
    /// </summary>
    internal static class TextNet
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant;
        private static readonly Regex Request = new Regex(@"sendRequest|\bfetch\b|XMLHttpRequest|WebSocket|EventSource|sendBeacon|\bImage\b|\brequire\s*\(", Options);
        private static readonly Regex Code = new Regex(@"\beval\b|\bFunction\s*\(|\.constructor\b|\bset(Timeout|Interval)\s*\(\s*['""`]", Options);
        private static readonly Regex Quoted = new Regex(@"['""`]([^'""`\r\n]{1,80})['""`]", Options);

        public static void Scan(string script, ScriptFacts facts)
        {
            string[] lines = script.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                string trimmed = line.TrimStart();
                if (trimmed.StartsWith("//", System.StringComparison.Ordinal) || trimmed.StartsWith("*", System.StringComparison.Ordinal)) continue;
                Match request = Request.Match(line);
                if (request.Success && !facts.OwnRequests.Exists(r => r.line == i)) facts.OwnRequests.Add((i, request.Value.TrimEnd('(', ' ')));
                Match code = Code.Match(line);
                if (code.Success && !facts.CodeFromText.Exists(c => c.line == i)) facts.CodeFromText.Add((i, code.Value.Trim('.', '(', ' ', '\'', '"', '`')));
                foreach (Match quoted in Quoted.Matches(line))
                {
                    string name = quoted.Groups[1].Value;
                    SecretText.Kind kind = SecretText.Of(name);
                    if (kind != SecretText.Kind.None && name.IndexOf(' ') < 0)
                        facts.Reads.Add((i, new Taint(kind == SecretText.Kind.Secret ? TaintKind.Secret : TaintKind.Key, name)));
                }
            }
        }
    }
}
