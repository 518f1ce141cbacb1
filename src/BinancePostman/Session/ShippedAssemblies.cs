using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace BinancePostman.Session
{
    /// <summary>The managed assemblies a folder holds, by simple name, read from their manifests without loading them.</summary>
    internal static class ShippedAssemblies
    {
        public static IReadOnlyDictionary<string, ShippedAssembly> Read(string? directory)
        {
            var shipped = new Dictionary<string, ShippedAssembly>(StringComparer.OrdinalIgnoreCase);
            if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory)) return shipped;
            foreach (string file in Directory.GetFiles(directory, "*.dll"))
            {
                AssemblyName name;
                try
                {
                    name = AssemblyName.GetAssemblyName(file);
                }
                catch (Exception e) when (e is BadImageFormatException || e is IOException || e is UnauthorizedAccessException || e is System.Security.SecurityException)
                {
                    continue; // a native library or an unreadable file: nothing a managed reference can ask for
                }
                if (name.Name == null || name.Version == null) continue;
                if (shipped.TryGetValue(name.Name, out ShippedAssembly? seen) && seen.Version >= name.Version) continue;
                shipped[name.Name] = new ShippedAssembly(name.Name, name.Version, name.GetPublicKeyToken() ?? Array.Empty<byte>(), file);
            }
            return shipped;
        }
    }
}
