using System;
using System.IO;

namespace BinancePostman.CollectionGenerator
{
    /// <summary>
    /// dotnet run --project src/BinancePostman.CollectionGenerator -- &lt;repoRoot&gt;
    /// Rewrites collections/*.postman_collection.json and environments/** from collections/source/.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            string repoRoot = Path.GetFullPath(args.Length > 0 ? args[0] : ".");
            try
            {
                var files = CollectionGenerator.Generate(repoRoot);
                foreach (var file in files)
                {
                    string target = Path.Combine(repoRoot, file.Key.Replace('/', Path.DirectorySeparatorChar));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.WriteAllText(target, file.Value);
                }
                Console.WriteLine($"Wrote {files.Count} files under {repoRoot}");
                return 0;
            }
            catch (Exception e) when (e is FormatException || e is IOException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        }
    }
}
