using System;
using System.Text.Json;

namespace BinancePostman.Streams
{
    /// <summary>The strings of the last few names read (stream names, event types), matched by their UTF-8 bytes: one reader's, not shared.</summary>
    public sealed class NameCache
    {
        private readonly byte[][] _bytes = new byte[16][];
        private readonly string[] _strings = new string[16];
        private int _next;

        public string Get(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped || reader.HasValueSequence) return reader.GetString()!;
            ReadOnlySpan<byte> value = reader.ValueSpan;
            for (int i = 0; i < _bytes.Length; i++)
            {
                byte[]? known = _bytes[i];
                if (known != null && value.SequenceEqual(known)) return _strings[i];
            }
            string text = reader.GetString()!;
            _bytes[_next] = value.ToArray();
            _strings[_next] = text;
            _next = (_next + 1) % _bytes.Length;
            return text;
        }
    }
}
