using System.Collections.Generic;

namespace BinancePostman.CollectionGenerator.Source
{
    /// <summary>One collection source file: its name, description and folder tree.</summary>
    public sealed class CollectionSource
    {
        public CollectionSource(string name, string about, IReadOnlyDictionary<string, string> examples, FolderSource root, string sourceFile)
        {
            Name = name;
            About = about;
            Examples = examples;
            Root = root;
            SourceFile = sourceFile;
        }

        public string Name { get; }
        public string About { get; }
        /// <summary>Example values for parameters across this collection ("example symbol = BTCUSDT").</summary>
        public IReadOnlyDictionary<string, string> Examples { get; }
        public FolderSource Root { get; }
        public string SourceFile { get; }

        /// <summary>"USDs-M Futures" becomes "usds-m-futures".</summary>
        public string FileSlug => Slug.From(Name);
    }
}
