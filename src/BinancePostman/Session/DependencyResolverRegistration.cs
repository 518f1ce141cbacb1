using System;
using System.Threading;

namespace BinancePostman.Session
{
    /// <summary>
    /// Whether the resolver is attached to the process, counted per module import: every runspace that imports the
    /// module shares one AppDomain, so the handler goes on with the first import and off with the last removal.
    /// A runspace closed without Remove-Module leaves its count behind, which keeps the handler (harmless: .NET Framework
    /// never unloads the assemblies it serves either).
    /// </summary>
    internal sealed class DependencyResolverRegistration
    {
        private readonly object _gate = new object();
        private readonly Action _attach;
        private readonly Action _detach;
        private int _imports;
        private int _importsSeen;

        public DependencyResolverRegistration(Action attach, Action detach)
        {
            _attach = attach;
            _detach = detach;
        }

        /// <summary>Module imports the initializer has seen, on any edition.</summary>
        public int ImportsSeen => Volatile.Read(ref _importsSeen);

        public bool IsRegistered
        {
            get { lock (_gate) return _imports > 0; }
        }

        public void OnImport(bool isNetFramework)
        {
            Interlocked.Increment(ref _importsSeen);
            if (!isNetFramework) return; // .NET unifies the versions itself
            lock (_gate)
            {
                if (_imports++ == 0) _attach();
            }
        }

        public void OnRemove()
        {
            lock (_gate)
            {
                if (_imports == 0) return;
                if (--_imports == 0) _detach();
            }
        }
    }
}
