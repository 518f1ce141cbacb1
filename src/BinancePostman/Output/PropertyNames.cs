using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace BinancePostman.Output
{
    /// <summary>
    /// Property names read once per reply instead of once per row: the UTF-8 bytes of a name map to one string, and
    /// to a number shared by names that differ only in case (PowerShell's properties are case-insensitive), which
    /// lets an object find a repeated key without a set of its own, and to a slot of its exact spelling (0, 1, 2...
    /// in order of first sight) where a caller can keep what it makes once per name. A second instance shares short
    /// string values.
    /// </summary>
    internal sealed class PropertyNames
    {
        private const int MaxNames = 4096;
        private const int MaxValueLength = 24;
        private int _hits;

        private struct Entry
        {
            public byte[] Utf8;
            public string Name;
            public int Id;
            public int Slot;
            public int Hash;
        }

        private Entry[] _slots = new Entry[256];
        private int _count;
        private readonly Dictionary<string, int> _ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The current property name, its case-insensitive id and the slot of its exact spelling (both -1 once the
        /// table is full; the slot is also -1 for an escaped name).
        /// </summary>
        public string Read(ref Utf8JsonReader reader, out int id, out int slot)
        {
            slot = -1;
            if (reader.ValueIsEscaped || reader.HasValueSequence) return Uncached(reader.GetString()!, out id);
            ReadOnlySpan<byte> utf8 = reader.ValueSpan;
            int hash = Hash(utf8);
            int mask = _slots.Length - 1;
            for (int i = hash & mask; ; i = (i + 1) & mask)
            {
                ref Entry entry = ref _slots[i];
                if (entry.Utf8 == null) break;
                if (entry.Hash == hash && utf8.SequenceEqual(entry.Utf8))
                {
                    id = entry.Id;
                    slot = entry.Slot;
                    return entry.Name;
                }
            }
            byte[] bytes = utf8.ToArray();
            string name = Encoding.UTF8.GetString(bytes);
            if (_count >= MaxNames) return Uncached(name, out id);
            id = IdOf(name);
            slot = _count;
            Insert(new Entry { Utf8 = bytes, Name = name, Id = id, Slot = slot, Hash = hash });
            return name;
        }

        /// <summary>
        /// A short string value ("TRADING", "LIMIT", "0.01000000"), shared between the rows that repeat it. Once
        /// the table is full and most values were new (prices of a long series), values are no longer looked up.
        /// </summary>
        public string ReadValue(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxValueLength || (_count >= MaxNames && _hits < _count))
                return reader.GetString()!;
            ReadOnlySpan<byte> utf8 = reader.ValueSpan;
            int hash = Hash(utf8);
            int mask = _slots.Length - 1;
            for (int i = hash & mask; ; i = (i + 1) & mask)
            {
                ref Entry slot = ref _slots[i];
                if (slot.Utf8 == null) break;
                if (slot.Hash == hash && utf8.SequenceEqual(slot.Utf8))
                {
                    _hits++;
                    return slot.Name;
                }
            }
            byte[] bytes = utf8.ToArray();
            string value = Encoding.UTF8.GetString(bytes);
            if (_count < MaxNames) Insert(new Entry { Utf8 = bytes, Name = value, Id = -1, Hash = hash });
            return value;
        }

        private string Uncached(string name, out int id)
        {
            id = _ids.TryGetValue(name, out int known) ? known : -1;
            return name;
        }

        private int IdOf(string name)
        {
            if (!_ids.TryGetValue(name, out int id)) _ids[name] = id = _ids.Count;
            return id;
        }

        private void Insert(Entry entry)
        {
            if ((_count + 1) * 2 > _slots.Length)
            {
                Entry[] old = _slots;
                _slots = new Entry[old.Length * 2];
                foreach (Entry e in old)
                    if (e.Utf8 != null) Place(e);
            }
            Place(entry);
            _count++;
        }

        private void Place(Entry entry)
        {
            int mask = _slots.Length - 1;
            int i = entry.Hash & mask;
            while (_slots[i].Utf8 != null) i = (i + 1) & mask;
            _slots[i] = entry;
        }

        private static int Hash(ReadOnlySpan<byte> utf8)
        {
            unchecked
            {
                uint h = 2166136261;
                foreach (byte b in utf8) h = (h ^ b) * 16777619;
                return (int)(h & 0x7FFFFFFF);
            }
        }
    }
}
