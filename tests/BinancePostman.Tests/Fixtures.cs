using System;
using System.IO;

namespace BinancePostman.Tests
{
    /// <summary>Where the shared fixtures and the repository's own data live, found from the test binary upward.</summary>
    internal static class Fixtures
    {
        public static string RepoRoot { get; } = FindRepoRoot();

        /// <summary>../shared/fixtures beside the repository (read-only; never copied into the project).</summary>
        public static string SharedRoot => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fixtures"));

        public static string Postman2025 => Path.Combine(SharedRoot, "binance-api-postman", "2025-03-generation");
        public static string Postman2026 => Path.Combine(SharedRoot, "binance-api-postman", "2026-07-generation");
        public static string SigningVectors => Path.Combine(SharedRoot, "signing-vectors");

        private static string FindRepoRoot()
        {
            string? dir = AppContext.BaseDirectory;
            while (dir != null)
            {
                if (File.Exists(Path.Combine(dir, "BinancePostman.sln"))) return dir;
                dir = Path.GetDirectoryName(dir);
            }
            throw new InvalidOperationException("BinancePostman.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
