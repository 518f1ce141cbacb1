using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace BinancePostman.Session
{
    /// <summary>
    /// Which assembly requests the module answers from its own folder on .NET Framework (Windows PowerShell 5.1), where a
    /// reference to an older version of a shipped dependency (System.Memory asks for System.Buffers 4.0.2.0; the folder
    /// ships 4.0.3.0) fails without a binding redirect, and powershell.exe has none for a module. A request is answered
    /// when its simple name is a shipped assembly, its version is not newer than the shipped one, and its public key token
    /// (if it states one) is the shipped one. Everything else, the host's own assemblies above all, is left to the runtime.
    /// </summary>
    internal static class DependencyRule
    {
        // never ours, even if a copy lies in the folder: PowerShell and the framework own these
        private static readonly HashSet<string> HostAssemblies = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "mscorlib", "netstandard", "System", "System.Core", "System.Management.Automation",
        };

        /// <summary>True on .NET Framework (Windows PowerShell 5.1), false on .NET (Core), which unifies versions itself.</summary>
        public static bool IsNetFramework(string? frameworkDescription) =>
            frameworkDescription != null && frameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        /// <summary>The shipped file that answers the request, or null when the request is not ours to answer.</summary>
        public static string? PathFor(string? simpleName, Version? requestedVersion, byte[]? requestedToken, IReadOnlyDictionary<string, ShippedAssembly> shipped)
        {
            if (string.IsNullOrEmpty(simpleName) || IsHostAssembly(simpleName!)) return null;
            if (!shipped.TryGetValue(simpleName!, out ShippedAssembly? ours)) return null;
            if (requestedVersion != null && requestedVersion > ours.Version) return null;
            if (requestedToken != null && !SameToken(requestedToken, ours.PublicKeyToken)) return null;
            return ours.Path;
        }

        /// <summary>The same decision for a display name as ResolveEventArgs.Name gives it.</summary>
        public static string? PathFor(string? requestedFullName, IReadOnlyDictionary<string, ShippedAssembly> shipped)
        {
            if (string.IsNullOrEmpty(requestedFullName)) return null;
            AssemblyName requested;
            try
            {
                requested = new AssemblyName(requestedFullName);
            }
            catch (Exception e) when (e is ArgumentException || e is FileLoadException)
            {
                return null;
            }
            return PathFor(requested.Name, requested.Version, requested.GetPublicKeyToken(), shipped);
        }

        private static bool IsHostAssembly(string simpleName) =>
            HostAssemblies.Contains(simpleName) || simpleName.StartsWith("Microsoft.PowerShell.", StringComparison.OrdinalIgnoreCase);

        private static bool SameToken(byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i]) return false;
            }
            return true;
        }
    }
}
