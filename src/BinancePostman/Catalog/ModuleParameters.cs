using System;

namespace BinancePostman.Catalog
{
    /// <summary>Parameters and headers the module supplies itself, never asked of the user.</summary>
    public static class ModuleParameters
    {
        public const string Timestamp = "timestamp";
        public const string Signature = "signature";
        public const string RecvWindow = "recvWindow";
        public const string ApiKeyHeader = "X-MBX-APIKEY";

        public static bool IsSignature(string name) => string.Equals(name, Signature, StringComparison.Ordinal);
        public static bool IsTimestamp(string name) => string.Equals(name, Timestamp, StringComparison.Ordinal);
        public static bool IsAlwaysOptional(string name) => string.Equals(name, RecvWindow, StringComparison.Ordinal);
    }
}
