using System.Collections.Generic;
using System.Text;

namespace BinancePostman.Http
{
    /// <summary>
    /// RFC 3986 percent-encoding of UTF-8 bytes: only A-Z a-z 0-9 - _ . ~ stay as they are. The encoded text is both
    /// what is sent and what is signed, so a value is encoded exactly once.
    /// </summary>
    public static class PercentEncoder
    {
        private const string Hex = "0123456789ABCDEF";

        public static string Encode(string value)
        {
            if (IsUnreservedOnly(value)) return value;
            var sb = new StringBuilder(value.Length * 3);
            foreach (byte b in Encoding.UTF8.GetBytes(value))
            {
                if (IsUnreserved(b)) sb.Append((char)b);
                else sb.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
            return sb.ToString();
        }

        /// <summary>"k=v&amp;k2=v2" with keys and values encoded; empty values are never sent.</summary>
        public static string Join(IEnumerable<KeyValuePair<string, string>> pairs)
        {
            var sb = new StringBuilder();
            foreach (var p in pairs)
            {
                if (string.IsNullOrEmpty(p.Value)) continue;
                if (sb.Length > 0) sb.Append('&');
                sb.Append(Encode(p.Key)).Append('=').Append(Encode(p.Value));
            }
            return sb.ToString();
        }

        private static bool IsUnreservedOnly(string value)
        {
            foreach (char c in value)
                if (c > 127 || !IsUnreserved((byte)c)) return false;
            return true;
        }

        private static bool IsUnreserved(byte b) =>
            (b >= (byte)'A' && b <= (byte)'Z') || (b >= (byte)'a' && b <= (byte)'z') || (b >= (byte)'0' && b <= (byte)'9')
            || b == (byte)'-' || b == (byte)'_' || b == (byte)'.' || b == (byte)'~';
    }
}
