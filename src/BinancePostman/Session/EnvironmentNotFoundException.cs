using System;

namespace BinancePostman.Session
{
    /// <summary>A call named an environment that is not loaded.</summary>
    public sealed class EnvironmentNotFoundException : Exception
    {
        public EnvironmentNotFoundException(string name) : base($"No loaded environment is named '{name}'.")
        {
            Name = name;
        }

        public string Name { get; }
    }
}
