using System;
using System.IO;

namespace BinancePostman.Benchmarks
{
    internal static class RepoPaths
    {
        public static string Root { get; } = Find();

        public static string Fixtures => Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures", "binance-api-postman"));

        private static string Find()
        {
            // BenchmarkDotNet runs from a generated folder: walk up from the working directory and the binary
            foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                string? dir = start;
                while (dir != null)
                {
                    if (File.Exists(Path.Combine(dir, "BinancePostman.sln"))) return dir;
                    dir = Path.GetDirectoryName(dir);
                }
            }
            throw new InvalidOperationException("Run the benchmarks from inside the repository.");
        }
    }
}
