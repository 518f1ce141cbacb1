using System;
using System.Collections.Generic;

namespace BinancePostman.Streams
{
    /// <summary>
    /// The last events seen on a channel, by a 64-bit hash of stream name and payload bytes, so that an event two
    /// connections both deliver (while a new connection takes over from one about to be cut) is written once. Binance's
    /// events carry their own time and ids, so two equal payloads are the same event.
    /// </summary>
    public sealed class EventFingerprints
    {
        private readonly object _lock = new object();
        private readonly ulong[] _ring;
        private readonly HashSet<ulong> _set;
        private int _next;
        private int _count;

        public EventFingerprints(int window = 8192)
        {
            _ring = new ulong[window];
            _set = new HashSet<ulong>();
        }

        /// <summary>True the first time an event is seen (within the window), false for a repeat.</summary>
        public bool FirstTime(string? stream, byte[] data, int offset, int count)
        {
            ulong hash = Hash(stream, data, offset, count);
            lock (_lock)
            {
                if (!_set.Add(hash)) return false;
                if (_count == _ring.Length) _set.Remove(_ring[_next]);
                else _count++;
                _ring[_next] = hash;
                _next = (_next + 1) % _ring.Length;
                return true;
            }
        }

        /// <summary>FNV-1a, 64 bits.</summary>
        internal static ulong Hash(string? stream, byte[] data, int offset, int count)
        {
            const ulong prime = 1099511628211UL;
            ulong hash = 14695981039346656037UL;
            if (stream != null)
                foreach (char c in stream)
                    hash = (hash ^ c) * prime;
            hash = (hash ^ 0xFF) * prime;
            int end = offset + count;
            for (int i = offset; i < end; i++)
                hash = (hash ^ data[i]) * prime;
            return hash;
        }
    }
}
