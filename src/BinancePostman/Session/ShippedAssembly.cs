using System;

namespace BinancePostman.Session
{
    /// <summary>One assembly in the module folder: its identity as its manifest states it, and its file.</summary>
    internal sealed class ShippedAssembly
    {
        public ShippedAssembly(string name, Version version, byte[] publicKeyToken, string path)
        {
            Name = name;
            Version = version;
            PublicKeyToken = publicKeyToken;
            Path = path;
        }

        public string Name { get; }
        public Version Version { get; }
        /// <summary>Empty for an assembly without a strong name.</summary>
        public byte[] PublicKeyToken { get; }
        public string Path { get; }
    }
}
