using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace BinancePostman.Tests.Architecture
{
    /// <summary>
    /// The layers as DESIGN.md draws them, checked on the source: dependencies point downward, the PowerShell-free core
    /// names no PowerShell type, and only Commands words what users read about cmdlets and their parameters.
    /// </summary>
    public class LayerRulesTests
    {
        private static readonly string Module = Path.Combine(Fixtures.RepoRoot, "src", "BinancePostman");

        // what each folder may use (besides itself); the order is the picture's, top to bottom
        private static readonly Dictionary<string, string[]> MayUse = new Dictionary<string, string[]>
        {
            ["Commands"] = new[] { "Session", "Streams", "Credentials", "Output", "Orders", "Http", "Signing", "Catalog" },
            ["Session"] = new[] { "Streams", "Credentials", "Output", "Orders", "Http", "Signing", "Catalog" },
            ["Streams"] = new[] { "Http", "Signing", "Catalog" },
            ["Credentials"] = new[] { "Signing", "Catalog" },
            ["Orders"] = new[] { "Http", "Catalog" },
            ["Output"] = new[] { "Catalog" },
            ["Http"] = new[] { "Signing", "Catalog" },
            ["Signing"] = Array.Empty<string>(),
            ["Catalog"] = Array.Empty<string>(),
        };

        private static readonly string[] PowerShellFree = { "Catalog", "Signing", "Http", "Orders", "Streams" };

        private static IEnumerable<(string folder, string file, string text)> Sources() =>
            MayUse.Keys.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Module, folder), "*.cs", SearchOption.AllDirectories)
                .Select(f => (folder, Path.GetRelativePath(Module, f), File.ReadAllText(f))));

        [Fact]
        public void DependenciesPointDownward()
        {
            var wrong = new List<string>();
            foreach (var (folder, file, text) in Sources())
                foreach (Match m in Regex.Matches(text, @"\bBinancePostman\.(Commands|Session|Streams|Credentials|Output|Orders|Http|Signing|Catalog)\b"))
                {
                    string used = m.Groups[1].Value;
                    if (used != folder && !MayUse[folder].Contains(used)) wrong.Add($"{file} uses {used}");
                }
            Assert.True(wrong.Count == 0, string.Join("\n", wrong.Distinct()));
        }

        [Fact]
        public void TheCoreNamesNoPowerShellType()
        {
            var wrong = Sources().Where(s => PowerShellFree.Contains(s.folder) && s.text.Contains("System.Management.Automation")).Select(s => s.file).ToList();
            Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        }

        /// <summary>
        /// A cmdlet's name or a -Parameter in a string of a lower layer: the wording that belongs to Commands. Credentials
        /// is the exception by its nature: it runs SecretManagement's commands in the caller's runspace.
        /// </summary>
        [Fact]
        public void OnlyCommandsNamesCmdletsAndParametersToTheUser()
        {
            var literal = new Regex("\\$?@?\"(?:[^\"\\\\\\n]|\\\\.)*\"");
            var names = new Regex(@"\b(Invoke|Get|Set|Connect|Disconnect|Import|Test|Remove|Compare|ConvertTo|Receive)-Binance\w*|(?<![\w-])-[A-Z][a-z]+[A-Za-z]*\b");
            var found = new List<string>();
            foreach (var (folder, file, text) in Sources())
            {
                if (folder == "Commands" || folder == "Credentials") continue;
                string[] lines = text.Split('\n');
                for (int i = 0; i < lines.Length; i++)
                {
                    string line = lines[i].TrimStart();
                    if (line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith("///", StringComparison.Ordinal)) continue;
                    foreach (Match s in literal.Matches(lines[i]))
                        foreach (Match n in names.Matches(s.Value))
                            found.Add($"{file}:{i + 1}: {n.Value}");
                }
            }
            Assert.True(found.Count == 0, string.Join("\n", found));
        }
    }
}
