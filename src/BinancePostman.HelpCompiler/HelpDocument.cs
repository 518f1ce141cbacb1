using System.Collections.Generic;

namespace BinancePostman.HelpCompiler
{
    /// <summary>One cmdlet's help as its markdown source says it: text only, no parameter metadata.</summary>
    public sealed class HelpDocument
    {
        public HelpDocument(string commandName, string sourcePath)
        {
            CommandName = commandName;
            SourcePath = sourcePath;
        }

        public string CommandName { get; }
        public string SourcePath { get; }
        public string Synopsis { get; set; } = "";
        public List<string> Description { get; } = new List<string>();

        /// <summary>Parameter name (no dash) to its paragraphs, in source order.</summary>
        public Dictionary<string, List<string>> Parameters { get; } = new Dictionary<string, List<string>>(System.StringComparer.OrdinalIgnoreCase);

        public List<HelpExample> Examples { get; } = new List<HelpExample>();
        public List<HelpTypeEntry> Inputs { get; } = new List<HelpTypeEntry>();
        public List<HelpTypeEntry> Outputs { get; } = new List<HelpTypeEntry>();
        public List<string> Notes { get; } = new List<string>();
        public List<string> RelatedLinks { get; } = new List<string>();
    }

    public sealed class HelpExample
    {
        public HelpExample(string title, string code, List<string> remarks)
        {
            Title = title;
            Code = code;
            Remarks = remarks;
        }

        public string Title { get; }
        public string Code { get; }
        public List<string> Remarks { get; }
    }

    /// <summary>An INPUTS or OUTPUTS entry: a type name and what it means here.</summary>
    public sealed class HelpTypeEntry
    {
        public HelpTypeEntry(string typeName, List<string> description)
        {
            TypeName = typeName;
            Description = description;
        }

        public string TypeName { get; }
        public List<string> Description { get; }
    }
}
