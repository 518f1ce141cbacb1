using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace BinancePostman.HelpCompiler
{
    /// <summary>
    /// One compile: every help source of the folder against every cmdlet of the assembly. Malformed sources are
    /// errors (the build fails); a cmdlet without help, or a parameter without text, is a warning.
    /// </summary>
    public sealed class HelpBuild
    {
        public const string CommonParametersFile = "CommonParameters.md";

        public List<string> Errors { get; } = new List<string>();
        public List<string> Warnings { get; } = new List<string>();
        /// <summary>Output file name to its text.</summary>
        public Dictionary<string, string> Files { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public static HelpBuild Run(string sourceFolder, IReadOnlyList<CmdletMetadata> cmdlets, string mamlFileName)
        {
            var build = new HelpBuild();
            string commonPath = Path.Combine(sourceFolder, CommonParametersFile);
            var common = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            if (File.Exists(commonPath))
                build.Try(() => common = HelpMarkdownParser.ParseCommonParameters(File.ReadAllText(commonPath), commonPath));

            var docs = new Dictionary<string, HelpDocument>(StringComparer.OrdinalIgnoreCase);
            foreach (string path in Directory.GetFiles(sourceFolder, "*.md").OrderBy(p => p, StringComparer.Ordinal))
            {
                string fileName = Path.GetFileName(path);
                if (fileName.Equals(CommonParametersFile, StringComparison.OrdinalIgnoreCase)) continue;
                if (fileName.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
                {
                    string topic = AboutTopicWriter.TopicName(path);
                    build.Try(() => build.Files[topic + ".help.txt"] = AboutTopicWriter.Convert(File.ReadAllText(path), path, topic));
                    continue;
                }
                build.Try(() => { HelpDocument d = HelpMarkdownParser.ParseFile(path); docs[d.CommandName] = d; });
            }

            var documented = new List<(CmdletMetadata, HelpDocument)>();
            foreach (CmdletMetadata cmdlet in cmdlets)
            {
                if (!docs.TryGetValue(cmdlet.Name, out HelpDocument? doc))
                {
                    build.Warnings.Add($"{Path.Combine(sourceFolder, cmdlet.Name + ".md")}: warning BPHELP101: {cmdlet.Name} has no help source; Get-Help will show only its syntax.");
                    continue;
                }
                foreach (ParameterMetadata p in cmdlet.Parameters)
                    if (MamlWriter.DescriptionOf(p, doc, common) == null)
                        build.Warnings.Add($"{doc.SourcePath}: warning BPHELP102: -{p.Name} of {cmdlet.Name} is not described (add '### -{p.Name}' under '## PARAMETERS', or to {CommonParametersFile} if shared).");
                foreach (string described in doc.Parameters.Keys)
                    if (!cmdlet.Parameters.Any(p => p.Name.Equals(described, StringComparison.OrdinalIgnoreCase)))
                        build.Warnings.Add($"{doc.SourcePath}: warning BPHELP103: '### -{described}' describes a parameter {cmdlet.Name} does not have.");
                if (doc.Examples.Count < 2)
                    build.Warnings.Add($"{doc.SourcePath}: warning BPHELP104: {cmdlet.Name} has {doc.Examples.Count} example(s); give at least two.");
                documented.Add((cmdlet, doc));
            }
            foreach (string orphan in docs.Keys.Where(name => !cmdlets.Any(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase))))
                build.Warnings.Add($"{docs[orphan].SourcePath}: warning BPHELP105: help for {orphan}, but the module has no such cmdlet.");

            if (build.Errors.Count == 0)
            {
                var xml = MamlWriter.Write(documented, common);
                var sb = new StringBuilder();
                using (var writer = new Utf8StringWriter(sb)) xml.Save(writer);
                build.Files[mamlFileName] = sb.ToString();
            }
            return build;
        }

        private void Try(Action read)
        {
            try
            {
                read();
            }
            catch (HelpFormatException ex)
            {
                Errors.Add(ex.Message);
            }
        }

        private sealed class Utf8StringWriter : StringWriter
        {
            public Utf8StringWriter(StringBuilder sb) : base(sb, System.Globalization.CultureInfo.InvariantCulture) { }
            public override Encoding Encoding => new UTF8Encoding(false);
        }
    }
}
