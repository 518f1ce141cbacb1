using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Threading;

namespace BinancePostman.Session
{
    /// <summary>
    /// The AppDomain.AssemblyResolve handler for Windows PowerShell 5.1: answers a failed request for one of the module's
    /// own assemblies with the shipped file, by <see cref="DependencyRule"/>. It runs in the middle of a failed load, so
    /// it touches nothing but mscorlib and this assembly's own plain types (no catalog, no JSON, no span), and a load it
    /// starts that asks again on the same thread is left to the runtime instead of answered in a loop.
    /// </summary>
    internal sealed class DependencyResolver
    {
        [ThreadStatic]
        private static bool t_resolving;

        private readonly Assembly _own;
        private readonly Lazy<IReadOnlyDictionary<string, ShippedAssembly>> _shipped;
        private readonly Func<string, Assembly> _load;

        public DependencyResolver(Assembly own, Func<IReadOnlyDictionary<string, ShippedAssembly>> readShipped, Func<string, Assembly> load)
        {
            _own = own;
            _load = load;
            _shipped = new Lazy<IReadOnlyDictionary<string, ShippedAssembly>>(readShipped, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>The module's own resolver: its folder read on the first request, files loaded with LoadFrom.</summary>
        public static DependencyResolver ForModuleFolder()
        {
            Assembly own = typeof(DependencyResolver).Assembly;
            string? folder = string.IsNullOrEmpty(own.Location) ? null : Path.GetDirectoryName(own.Location);
            return new DependencyResolver(own, () => ShippedAssemblies.Read(folder), Assembly.LoadFrom);
        }

        public Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            if (t_resolving) return null;
            t_resolving = true;
            try
            {
                string? path = DependencyRule.PathFor(args.Name, _shipped.Value);
                if (path == null) return null;
                if (string.Equals(Path.GetFullPath(path), Path.GetFullPath(_own.Location), StringComparison.OrdinalIgnoreCase)) return _own;
                return _load(path);
            }
            catch (Exception e) when (e is IOException || e is BadImageFormatException || e is UnauthorizedAccessException || e is System.Security.SecurityException || e is ArgumentException || e is NotSupportedException)
            {
                return null; // the runtime's own error for the original request says more than ours would
            }
            finally
            {
                t_resolving = false;
            }
        }
    }
}
