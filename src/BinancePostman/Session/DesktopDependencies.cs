using System;

namespace BinancePostman.Session
{
    /// <summary>The process's one resolver and its registration with the AppDomain.</summary>
    internal static class DesktopDependencies
    {
        private static readonly DependencyResolver Resolver = DependencyResolver.ForModuleFolder();
        private static readonly ResolveEventHandler Handler = Resolver.Resolve;

        public static DependencyResolverRegistration Registration { get; } = new DependencyResolverRegistration(
            () => AppDomain.CurrentDomain.AssemblyResolve += Handler,
            () => AppDomain.CurrentDomain.AssemblyResolve -= Handler);
    }
}
