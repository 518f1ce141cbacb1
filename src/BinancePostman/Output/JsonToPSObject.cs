using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;
using System.Text.Json;

namespace BinancePostman.Output
{
    /// <summary>
    /// JSON values to PowerShell, straight from the reader (no DOM): objects become PSObjects with note properties
    /// in Binance's order (or ordered hashtables), arrays object[], integral numbers Int64 (decimal when larger),
    /// other numbers decimal, never double, so prices keep their digits. One instance per reply: it keeps the
    /// property names it has seen, so rows after the first allocate no name strings and no sets, and (where
    /// PowerShell copies what it is given, see <see cref="PSObjectFactory.AddCopiesMembers"/>) one note property
    /// per name that each object's copy is made from. Small integers and booleans are boxed once per process.
    /// </summary>
    internal sealed class JsonToPSObject
    {
        private readonly bool _asHashtable;
        private readonly PropertyNames _names = new PropertyNames();
        private readonly PropertyNames _values = new PropertyNames();
        private readonly List<List<object?>> _lists = new List<List<object?>>();
        private int[] _sizes = new int[8]; // properties of the last object at each depth: the next one's likely size
        private PSNoteProperty?[] _notes = new PSNoteProperty?[64]; // by name slot: what Properties.Add copies

        private const int SmallMin = -128, SmallMax = 1023;
        private static readonly object[] SmallIntegers = BoxSmallIntegers();
        private static readonly object True = true, False = false;

        public JsonToPSObject(bool asHashtable) => _asHashtable = asHashtable;

        public static object? Convert(ReadOnlySpan<byte> json, bool asHashtable)
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
            if (!reader.Read()) return null;
            return new JsonToPSObject(asHashtable).ReadValue(ref reader);
        }

        /// <summary>The value whose first token the reader is on (a <see cref="JsonElementReader"/>).</summary>
        public object? ReadValue(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    return _asHashtable ? ReadDictionary(ref reader) : ReadObject(ref reader);
                case JsonTokenType.StartArray:
                    return ReadArray(ref reader);
                case JsonTokenType.String:
                    return _values.ReadValue(ref reader);
                case JsonTokenType.Number:
                    return Number(ref reader);
                case JsonTokenType.True:
                    return True;
                case JsonTokenType.False:
                    return False;
                default:
                    return null;
            }
        }

        public static object Number(ref Utf8JsonReader reader)
        {
            if (reader.TryGetInt64(out long l)) return l >= SmallMin && l <= SmallMax ? SmallIntegers[l - SmallMin] : l;
            if (reader.TryGetDecimal(out decimal d)) return d;
            throw new JsonValueException("The number " + System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray()) + " is too large for decimal.");
        }

        private object?[] ReadArray(ref Utf8JsonReader reader)
        {
            int depth = reader.CurrentDepth;
            while (_lists.Count <= depth) _lists.Add(new List<object?>());
            List<object?> items = _lists[depth]; // one list per depth, reused: only the exact-size array is new
            items.Clear();
            while (true)
            {
                JsonReaderOutOfData.Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndArray) break;
                items.Add(ReadValue(ref reader));
            }
            object?[] array = items.Count == 0 ? Array.Empty<object?>() : items.ToArray();
            items.Clear();
            return array;
        }

        private PSObject ReadObject(ref Utf8JsonReader reader)
        {
            int depth = reader.CurrentDepth;
            if (depth >= _sizes.Length) Array.Resize(ref _sizes, Math.Max(depth + 1, _sizes.Length * 2));
            var obj = PSObjectFactory.Create(_sizes[depth] > 0 ? _sizes[depth] : 8);
            int count = 0;
            PSMemberInfoCollection<PSPropertyInfo> properties = obj.Properties;
            ulong seenLow = 0, seenHigh = 0;
            HashSet<string>? seenOthers = null;
            while (true)
            {
                JsonReaderOutOfData.Next(ref reader);
                if (reader.TokenType != JsonTokenType.PropertyName) break;
                string name = _names.Read(ref reader, out int id, out int slot);
                JsonReaderOutOfData.Next(ref reader);
                object? value = ReadValue(ref reader);
                // a repeated name (PowerShell's names are case-insensitive) keeps its first value
                if (!FirstTime(name, id, ref seenLow, ref seenHigh, ref seenOthers)) continue;
                // preValidated skips PowerShell's costly member lookup
                properties.Add(Note(name, slot, value), true);
                count++;
            }
            _sizes[depth] = count;
            return obj;
        }

        private PSNoteProperty Note(string name, int slot, object? value)
        {
            if (slot < 0 || !PSObjectFactory.AddCopiesMembers) return new PSNoteProperty(name, value);
            if (slot >= _notes.Length) Array.Resize(ref _notes, Math.Max(slot + 1, _notes.Length * 2));
            PSNoteProperty? note = _notes[slot];
            if (note == null) return _notes[slot] = new PSNoteProperty(name, value);
            note.Value = value;
            return note;
        }

        private static object[] BoxSmallIntegers()
        {
            var boxes = new object[SmallMax - SmallMin + 1];
            for (int i = 0; i < boxes.Length; i++) boxes[i] = (long)(i + SmallMin);
            return boxes;
        }

        private static bool FirstTime(string name, int id, ref ulong low, ref ulong high, ref HashSet<string>? others)
        {
            if (id >= 0 && id < 64)
            {
                ulong bit = 1UL << id;
                if ((low & bit) != 0) return false;
                low |= bit;
                return true;
            }
            if (id >= 64 && id < 128)
            {
                ulong bit = 1UL << (id - 64);
                if ((high & bit) != 0) return false;
                high |= bit;
                return true;
            }
            others ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            return others.Add(name);
        }

        private OrderedDictionary ReadDictionary(ref Utf8JsonReader reader)
        {
            var table = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            while (true)
            {
                JsonReaderOutOfData.Next(ref reader);
                if (reader.TokenType != JsonTokenType.PropertyName) break;
                string name = _names.Read(ref reader, out _, out _);
                JsonReaderOutOfData.Next(ref reader);
                object? value = ReadValue(ref reader);
                if (!table.Contains(name)) table[name] = value;
            }
            return table;
        }
    }
}
