using System;
using System.Security.Cryptography;
using System.Text;

namespace BinancePostman.CollectionGenerator.Output
{
    /// <summary>RFC 4122 version-5 UUIDs: the same name always gives the same id, so regenerated files do not churn.</summary>
    public static class NameBasedGuid
    {
        /// <summary>The project's own namespace for collection and environment ids.</summary>
        public static readonly Guid ProjectNamespace = new Guid("5d0b7c1e-3a52-4f0e-9b8e-6c2f4a9d1e37");

        public static Guid Create(string name) => Create(ProjectNamespace, name);

        public static Guid Create(Guid namespaceId, string name)
        {
            byte[] namespaceBytes = namespaceId.ToByteArray(true);
            byte[] nameBytes = Encoding.UTF8.GetBytes(name);
            byte[] input = new byte[namespaceBytes.Length + nameBytes.Length];
            namespaceBytes.CopyTo(input, 0);
            nameBytes.CopyTo(input, namespaceBytes.Length);

#pragma warning disable CA5350 // RFC 4122 name-based UUIDs (version 5) are defined over SHA-1: an identifier, not a security measure
            byte[] hash = SHA1.HashData(input);
#pragma warning restore CA5350
            byte[] uuid = new byte[16];
            Array.Copy(hash, uuid, 16);
            uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50); // version 5
            uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80); // RFC 4122 variant
            return new Guid(uuid, true);
        }
    }
}
