using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;

namespace BinancePostman.Output
{
    /// <summary>
    /// Stream events to PowerShell objects: klines as <see cref="StreamKline"/>, aggregate trades as
    /// <see cref="StreamAggregateTrade"/>, trades, book tickers, tickers and books as their own classes, the rest as PSObjects with named fields (<see cref="StreamEventShapes"/>)
    /// whose type names are BinancePostman.StreamEvent.&lt;e&gt;, the matching REST shape's (BinancePostman.Trade,
    /// BinancePostman.OrderBook...) and BinancePostman.StreamEvent. One instance per call, used on one thread.
    /// </summary>
    internal sealed class StreamEventReader
    {
        private readonly JsonToPSObject _plain = new JsonToPSObject(asHashtable: false);
        private readonly PropertyNames _names = new PropertyNames();
        private readonly Dictionary<string, string?> _typeByStream = new Dictionary<string, string?>(StringComparer.Ordinal);
        private readonly Dictionary<string, string?> _symbols = new Dictionary<string, string?>(StringComparer.Ordinal);
        private readonly Dictionary<string, PSNoteProperty> _notes = new Dictionary<string, PSNoteProperty>(StringComparer.Ordinal);

        /// <summary>The event (or, for an array of events such as !ticker@arr, an object[] of them).</summary>
        /// <param name="eventType">the event's "e" when the reader of the connection saw it</param>
        public object? Read(string? stream, string? eventType, byte[] data)
        {
            var reader = new Utf8JsonReader(data, new JsonReaderOptions { MaxDepth = 64 });
            JsonReaderOutOfData.Next(ref reader);
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                var events = new List<object?>();
                while (true)
                {
                    JsonReaderOutOfData.Next(ref reader);
                    if (reader.TokenType == JsonTokenType.EndArray) break;
                    events.Add(reader.TokenType == JsonTokenType.StartObject ? ReadEvent(ref reader, stream, null) : _plain.ReadValue(ref reader));
                }
                return events.ToArray();
            }
            if (reader.TokenType != JsonTokenType.StartObject) return _plain.ReadValue(ref reader);
            return ReadEvent(ref reader, stream, eventType ?? TypeOfStream(stream));
        }

        private object? ReadEvent(ref Utf8JsonReader reader, string? stream, string? eventType)
        {
            Utf8JsonReader start = reader;
            if (eventType == null) eventType = PeekType(reader);
            if (eventType == "kline" || eventType == "continuous_kline")
            {
                StreamKline? k = TryKline(ref reader, stream);
                if (k != null) return k;
                reader = start;
            }
            else if (eventType == "aggTrade")
            {
                StreamAggregateTrade? t = TryAggregateTrade(ref reader, stream);
                if (t != null) return t;
                reader = start;
            }
            else if (eventType == "trade")
            {
                StreamTrade? t = TryTrade(ref reader, stream);
                if (t != null) return t;
                reader = start;
            }
            else if (eventType == "depthUpdate" || eventType == "depth")
            {
                object? book = TryBook(ref reader, stream, eventType == "depth");
                if (book != null) return book;
                reader = start;
            }
            else if (eventType == "24hrMiniTicker" || eventType == "24hrTicker")
            {
                bool full = eventType == "24hrTicker";
                StreamTicker? t = TryTicker(ref reader, stream, full);
                if (t != null) return full ? t : t.ToMini();
                reader = start;
            }
            else if (eventType == "bookTicker")
            {
                StreamBookTicker? b = TryBookTicker(ref reader, stream);
                if (b != null) return b;
                reader = start;
            }
            StreamEventShapes.Shape shape = (eventType != null ? StreamEventShapes.Find(eventType) : null) ?? StreamEventShapes.Unknown;
            PSObject obj = PSObjectFactory.Create(24);
            ReadFields(ref reader, shape, obj);
            if (stream != null) obj.Properties.Add(new PSNoteProperty("stream", stream), true);
            obj.TypeNames.Insert(0, StreamEventShapes.EventTypeName);
            for (int i = shape.TypeNames.Length - 1; i >= 0; i--) obj.TypeNames.Insert(0, shape.TypeNames[i]);
            if (eventType != null) obj.TypeNames.Insert(0, StreamEventShapes.EventTypeName + "." + eventType);
            return obj;
        }

        /// <summary>Events without "e" (spot book tickers, partial depth) are told by their stream's name.</summary>
        private string? TypeOfStream(string? stream)
        {
            if (stream == null) return null;
            if (_typeByStream.TryGetValue(stream, out string? known)) return known;
            int at = stream.IndexOf('@');
            string kind = at < 0 ? stream.TrimStart('!') : stream.Substring(at + 1);
            string? type = kind.StartsWith("bookTicker", StringComparison.Ordinal) ? "bookTicker"
                : kind.StartsWith("depth", StringComparison.Ordinal) && kind.Length > 5 && char.IsDigit(kind[5]) ? "depth"
                : null;
            if (_typeByStream.Count < 4096) _typeByStream[stream] = type;
            return type;
        }

        /// <summary>The "e" of the object the reader is on, or a guess from its keys (book ticker, partial depth).</summary>
        private static string? PeekType(Utf8JsonReader reader)
        {
            int depth = reader.CurrentDepth;
            bool lastUpdateId = false, u = false, b = false;
            while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != depth + 1) continue;
                if (reader.ValueTextEquals("e"))
                {
                    reader.Read();
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                if (reader.ValueTextEquals("lastUpdateId")) lastUpdateId = true;
                else if (reader.ValueTextEquals("u")) u = true;
                else if (reader.ValueTextEquals("b")) b = true;
                reader.Read();
                reader.Skip();
            }
            return lastUpdateId ? "depth" : u && b ? "bookTicker" : null;
        }

        private void ReadFields(ref Utf8JsonReader reader, StreamEventShapes.Shape shape, PSObject into)
        {
            while (true)
            {
                JsonReaderOutOfData.Next(ref reader);
                if (reader.TokenType != JsonTokenType.PropertyName) break;
                string key = _names.Read(ref reader, out _, out _);
                JsonReaderOutOfData.Next(ref reader);
                if (!shape.Fields.TryGetValue(key, out StreamEventShapes.Field? field))
                {
                    Add(into, Unclaimed(into, key), _plain.ReadValue(ref reader));
                    continue;
                }
                switch (field.Kind)
                {
                    case StreamEventShapes.FieldKind.Skip:
                        reader.Skip();
                        continue;
                    case StreamEventShapes.FieldKind.Decimal:
                        Add(into, field.Name, DecimalValue(ref reader));
                        continue;
                    case StreamEventShapes.FieldKind.Time:
                        Add(into, field.Name, reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long ms) ? ms : _plain.ReadValue(ref reader));
                        continue;
                    case StreamEventShapes.FieldKind.Levels:
                        Add(into, field.Name, Levels(ref reader));
                        continue;
                    case StreamEventShapes.FieldKind.Nested:
                        if (reader.TokenType == JsonTokenType.StartObject && field.ObjectShape != null && StreamEventShapes.Find(field.ObjectShape) is StreamEventShapes.Shape flat)
                        {
                            ReadFields(ref reader, flat, into);
                            continue;
                        }
                        if (reader.TokenType == JsonTokenType.StartArray && field.ArrayShape != null && StreamEventShapes.Find(field.ArrayShape) is StreamEventShapes.Shape each)
                        {
                            Add(into, field.Name.Length > 0 ? field.Name : key, Elements(ref reader, each));
                            continue;
                        }
                        Add(into, field.Name.Length > 0 ? field.Name : key, _plain.ReadValue(ref reader));
                        continue;
                    default:
                        Add(into, field.Name, _plain.ReadValue(ref reader));
                        continue;
                }
            }
        }

        private object?[] Elements(ref Utf8JsonReader reader, StreamEventShapes.Shape shape)
        {
            var items = new List<object?>();
            while (true)
            {
                JsonReaderOutOfData.Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndArray) break;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    items.Add(_plain.ReadValue(ref reader));
                    continue;
                }
                PSObject item = PSObjectFactory.Create(shape.Fields.Count);
                ReadFields(ref reader, shape, item);
                for (int i = shape.TypeNames.Length - 1; i >= 0; i--) item.TypeNames.Insert(0, shape.TypeNames[i]);
                items.Add(item);
            }
            return items.ToArray();
        }

        private object?[] Levels(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartArray) return new[] { _plain.ReadValue(ref reader) };
            var levels = new List<object?>();
            while (true)
            {
                JsonReaderOutOfData.Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndArray) break;
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    levels.Add(_plain.ReadValue(ref reader));
                    continue;
                }
                var level = PSObjectFactory.Create(2);
                level.TypeNames.Insert(0, ResponseShapes.OrderBookLevelType);
                JsonReaderOutOfData.Next(ref reader);
                object? price = reader.TokenType == JsonTokenType.EndArray ? null : DecimalValue(ref reader);
                object? qty = null;
                if (reader.TokenType != JsonTokenType.EndArray)
                {
                    JsonReaderOutOfData.Next(ref reader);
                    if (reader.TokenType != JsonTokenType.EndArray)
                    {
                        qty = DecimalValue(ref reader);
                        while (true)
                        {
                            JsonReaderOutOfData.Next(ref reader);
                            if (reader.TokenType == JsonTokenType.EndArray) break;
                            reader.Skip();
                        }
                    }
                }
                level.Properties.Add(new PSNoteProperty("Price", price), true);
                level.Properties.Add(new PSNoteProperty("Quantity", qty), true);
                levels.Add(level);
            }
            return levels.ToArray();
        }

        /// <summary>"0.001" or 0.001 as decimal; anything else as it is.</summary>
        private object? DecimalValue(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                ReadOnlySpan<byte> text = reader.ValueSpan;
                if (ShapedRowReader.TryParsePlainDecimal(text, out decimal d) || (Utf8Parser.TryParse(text, out d, out int used) && used == text.Length)) return d;
            }
            else if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out decimal n))
            {
                return n;
            }
            return _plain.ReadValue(ref reader);
        }

        /// <summary>
        /// Adds a note property. PowerShell copies the member it is given (<see cref="PSObjectFactory.AddCopiesMembers"/>),
        /// so one note property per name is kept and handed over with each value, as <see cref="JsonToPSObject"/> does.
        /// </summary>
        private void Add(PSObject into, string name, object? value)
        {
            if (!PSObjectFactory.AddCopiesMembers)
            {
                into.Properties.Add(new PSNoteProperty(name, value), true);
                return;
            }
            if (!_notes.TryGetValue(name, out PSNoteProperty? note))
            {
                note = new PSNoteProperty(name, value);
                if (_notes.Count < 4096) _notes[name] = note;
            }
            else
            {
                note.Value = value;
            }
            into.Properties.Add(note, true);
        }

        /// <summary>A key no table names, renamed when PowerShell would see it as one already there ("B" after "b").</summary>
        private static string Unclaimed(PSObject into, string key)
        {
            string name = key;
            for (int n = 2; into.Properties[name] != null; n++) name = key + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return name;
        }

        /// <summary>{"e":"kline","E":..,"s":..,"k":{"t":..,"T":..,"s":..,"i":..,"f":..,"L":..,"o":..,"c":..,"h":..,"l":..,"v":..,"n":..,"x":..,"q":..,"V":..,"Q":..,"B":..}}; continuous klines carry "ps" and "ct" instead of "s".</summary>
        private static StreamKline? TryKline(ref Utf8JsonReader reader, string? stream)
        {
            var k = new StreamKline { Stream = stream };
            bool candle = false;
            while (true)
            {
                JsonReaderOutOfData.Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject) break;
                if (reader.TokenType != JsonTokenType.PropertyName) return null;
                if (reader.ValueTextEquals("k"))
                {
                    JsonReaderOutOfData.Next(ref reader);
                    if (!TryCandle(ref reader, k)) return null;
                    candle = true;
                }
                else if (reader.ValueTextEquals("E")) { if (!NextLong(ref reader, out long e)) return null; k.EventTime = ShapedRowReader.FromUnixMs(e); }
                else if (reader.ValueTextEquals("s") || reader.ValueTextEquals("ps")) { JsonReaderOutOfData.Next(ref reader); k.Symbol ??= reader.TokenType == JsonTokenType.String ? reader.GetString() : null; }
                else if (reader.ValueTextEquals("ct")) { JsonReaderOutOfData.Next(ref reader); k.ContractType = reader.TokenType == JsonTokenType.String ? reader.GetString() : null; }
                else { JsonReaderOutOfData.Next(ref reader); reader.Skip(); }
            }
            return candle ? k : null;
        }

        private static bool TryCandle(ref Utf8JsonReader reader, StreamKline k)
        {
            if (reader.TokenType != JsonTokenType.StartObject) return false;
            int found = 0;
            while (true)
            {
                JsonReaderOutOfData.Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject) return (found & 0x3F) == 0x3F;
                if (reader.TokenType != JsonTokenType.PropertyName || reader.ValueSpan.Length != 1 || reader.ValueIsEscaped) return false;
                switch (reader.ValueSpan[0])
                {
                    case (byte)'t': if (!NextLong(ref reader, out long open)) return false; k.OpenTimeMs = open; k.OpenTime = ShapedRowReader.FromUnixMs(open); found |= 1; break;
                    case (byte)'T': if (!NextLong(ref reader, out long close)) return false; k.CloseTime = ShapedRowReader.FromUnixMs(close); break;
                    case (byte)'s': JsonReaderOutOfData.Next(ref reader); if (reader.TokenType == JsonTokenType.String) k.Symbol = reader.GetString(); break;
                    case (byte)'i': JsonReaderOutOfData.Next(ref reader); if (reader.TokenType == JsonTokenType.String) k.Interval = reader.GetString(); break;
                    case (byte)'f': if (!NextId(ref reader, out long first)) return false; k.FirstTradeId = first; break;
                    case (byte)'L': if (!NextId(ref reader, out long last)) return false; k.LastTradeId = last; break;
                    case (byte)'o': if (!NextDecimal(ref reader, out decimal o)) return false; k.Open = o; found |= 2; break;
                    case (byte)'c': if (!NextDecimal(ref reader, out decimal c)) return false; k.Close = c; found |= 4; break;
                    case (byte)'h': if (!NextDecimal(ref reader, out decimal h)) return false; k.High = h; found |= 8; break;
                    case (byte)'l': if (!NextDecimal(ref reader, out decimal l)) return false; k.Low = l; found |= 16; break;
                    case (byte)'v': if (!NextDecimal(ref reader, out decimal v)) return false; k.Volume = v; found |= 32; break;
                    case (byte)'n': if (!NextId(ref reader, out long n)) return false; k.Trades = n; break;
                    case (byte)'x': JsonReaderOutOfData.Next(ref reader); k.IsClosed = reader.TokenType == JsonTokenType.True; break;
                    case (byte)'q': if (!NextDecimal(ref reader, out decimal q)) return false; k.QuoteVolume = q; break;
                    case (byte)'V': if (!NextDecimal(ref reader, out decimal bv)) return false; k.TakerBuyBaseVolume = bv; break;
                    case (byte)'Q': if (!NextDecimal(ref reader, out decimal bq)) return false; k.TakerBuyQuoteVolume = bq; break;
                    default: JsonReaderOutOfData.Next(ref reader); reader.Skip(); break;
                }
            }
        }

        /// <summary>{"e":"aggTrade","E":..,"s":..,"a":..,"p":..,"q":..,"f":..,"l":..,"T":..,"m":..,"M":..} (futures add "nq")</summary>
        private static StreamAggregateTrade? TryAggregateTrade(ref Utf8JsonReader reader, string? stream)
        {
            var t = new StreamAggregateTrade { Stream = stream };
            int found = 0;
            while (true)
            {
                JsonReaderOutOfData.Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject) return found == 15 ? t : null;
                if (reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped) return null;
                ReadOnlySpan<byte> key = reader.ValueSpan;
                if (key.Length != 1)
                {
                    JsonReaderOutOfData.Next(ref reader);
                    reader.Skip();
                    continue;
                }
                switch (key[0])
                {
                    case (byte)'E': if (!NextLong(ref reader, out long e)) return null; t.EventTime = ShapedRowReader.FromUnixMs(e); break;
                    case (byte)'s': JsonReaderOutOfData.Next(ref reader); if (reader.TokenType == JsonTokenType.String) t.Symbol = reader.GetString(); break;
                    case (byte)'a': if (!NextId(ref reader, out long a)) return null; t.AggregateTradeId = a; found |= 1; break;
                    case (byte)'p': if (!NextDecimal(ref reader, out decimal p)) return null; t.Price = p; found |= 2; break;
                    case (byte)'q': if (!NextDecimal(ref reader, out decimal q)) return null; t.Quantity = q; found |= 4; break;
                    case (byte)'f': if (!NextId(ref reader, out long f)) return null; t.FirstTradeId = f; break;
                    case (byte)'l': if (!NextId(ref reader, out long l)) return null; t.LastTradeId = l; break;
                    case (byte)'T': if (!NextLong(ref reader, out long time)) return null; t.Time = ShapedRowReader.FromUnixMs(time); found |= 8; break;
                    case (byte)'m': JsonReaderOutOfData.Next(ref reader); t.IsBuyerMaker = reader.TokenType == JsonTokenType.True; break;
                    case (byte)'M': JsonReaderOutOfData.Next(ref reader); t.IsBestMatch = reader.TokenType == JsonTokenType.True; break;
                    default: JsonReaderOutOfData.Next(ref reader); reader.Skip(); break;
                }
            }
        }

        /// <summary>{"e":"trade","E":..,"s":..,"t":..,"p":..,"q":..,"T":..,"m":..,"M":..}</summary>
        private static StreamTrade? TryTrade(ref Utf8JsonReader reader, string? stream)
        {
            var t = new StreamTrade { Stream = stream };
            int found = 0;
            while (true)
            {
                JsonReaderOutOfData.Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject) return found == 15 ? t : null;
                if (reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped) return null;
                ReadOnlySpan<byte> key = reader.ValueSpan;
                if (key.Length != 1)
                {
                    JsonReaderOutOfData.Next(ref reader);
                    reader.Skip();
                    continue;
                }
                switch (key[0])
                {
                    case (byte)'e': JsonReaderOutOfData.Next(ref reader); break;
                    case (byte)'E': if (!NextLong(ref reader, out long e)) return null; t.EventTime = e; break;
                    case (byte)'s': JsonReaderOutOfData.Next(ref reader); if (reader.TokenType == JsonTokenType.String) t.Symbol = reader.GetString(); break;
                    case (byte)'t': if (!NextId(ref reader, out long id)) return null; t.Id = id; found |= 1; break;
                    case (byte)'p': if (!NextDecimal(ref reader, out decimal p)) return null; t.Price = p; found |= 2; break;
                    case (byte)'q': if (!NextDecimal(ref reader, out decimal q)) return null; t.Qty = q; found |= 4; break;
                    case (byte)'T': if (!NextLong(ref reader, out long time)) return null; t.Time = time; found |= 8; break;
                    case (byte)'m': JsonReaderOutOfData.Next(ref reader); t.IsBuyerMaker = reader.TokenType == JsonTokenType.True; break;
                    case (byte)'M': JsonReaderOutOfData.Next(ref reader); t.IsBestMatch = reader.TokenType == JsonTokenType.True; break;
                    default: return null;
                }
            }
        }

        /// <summary>
        /// {"e":"24hrMiniTicker","E":..,"s":..,"c":..,"o":..,"h":..,"l":..,"v":..,"q":..} and {"e":"24hrTicker", those and
        /// "p","P","w","x","Q","b","B","a","A","O","C","F","L","n"} (futures send no "x", "b", "B", "a", "A"; Coin-M adds "ps").
        /// Null for anything else, so that a field Binance adds later is kept by the general reader.
        /// </summary>
        private static StreamTicker? TryTicker(ref Utf8JsonReader reader, string? stream, bool full)
        {
            var t = new StreamTicker { Stream = stream };
            int found = 0;
            while (true)
            {
                JsonReaderOutOfData.Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject) return found == (full ? 0x1FFF : 0x7F) ? t : null;
                if (reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped) return null;
                if (reader.ValueTextEquals("ps"))
                {
                    JsonReaderOutOfData.Next(ref reader);
                    if (reader.TokenType != JsonTokenType.String) return null;
                    t.Pair = reader.GetString();
                    continue;
                }
                ReadOnlySpan<byte> key = reader.ValueSpan;
                if (key.Length != 1) return null;
                decimal d;
                long n;
                switch (key[0])
                {
                    case (byte)'e': JsonReaderOutOfData.Next(ref reader); break;
                    case (byte)'E': if (!NextLong(ref reader, out n)) return null; t.EventTime = n; break;
                    case (byte)'s': JsonReaderOutOfData.Next(ref reader); if (reader.TokenType != JsonTokenType.String) return null; t.Symbol = reader.GetString(); found |= 1; break;
                    case (byte)'c': if (!NextDecimal(ref reader, out d)) return null; t.LastPrice = d; found |= 2; break;
                    case (byte)'o': if (!NextDecimal(ref reader, out d)) return null; t.OpenPrice = d; found |= 4; break;
                    case (byte)'h': if (!NextDecimal(ref reader, out d)) return null; t.HighPrice = d; found |= 8; break;
                    case (byte)'l': if (!NextDecimal(ref reader, out d)) return null; t.LowPrice = d; found |= 16; break;
                    case (byte)'v': if (!NextDecimal(ref reader, out d)) return null; t.Volume = d; found |= 32; break;
                    case (byte)'q': if (!NextDecimal(ref reader, out d)) return null; t.QuoteVolume = d; found |= 64; break;
                    default:
                        if (!full || !TryTickerField(ref reader, key[0], t, ref found)) return null;
                        break;
                }
            }
        }

        /// <summary>The fields only the full ticker has; false for a key it does not know or a value of the wrong kind.</summary>
        private static bool TryTickerField(ref Utf8JsonReader reader, byte key, StreamTicker f, ref int found)
        {
            decimal d;
            long n;
            switch (key)
            {
                case (byte)'p': if (!NextDecimal(ref reader, out d)) return false; f.PriceChange = d; found |= 0x80; return true;
                case (byte)'P': if (!NextDecimal(ref reader, out d)) return false; f.PriceChangePercent = d; found |= 0x100; return true;
                case (byte)'w': if (!NextDecimal(ref reader, out d)) return false; f.WeightedAvgPrice = d; found |= 0x200; return true;
                case (byte)'Q': if (!NextDecimal(ref reader, out d)) return false; f.LastQty = d; found |= 0x400; return true;
                case (byte)'O': if (!NextLong(ref reader, out n)) return false; f.OpenTime = n; found |= 0x800; return true;
                case (byte)'C': if (!NextLong(ref reader, out n)) return false; f.CloseTime = n; found |= 0x1000; return true;
                case (byte)'x': if (!NextDecimal(ref reader, out d)) return false; f.PrevClosePrice = d; return true;
                case (byte)'b': if (!NextDecimal(ref reader, out d)) return false; f.BidPrice = d; return true;
                case (byte)'B': if (!NextDecimal(ref reader, out d)) return false; f.BidQty = d; return true;
                case (byte)'a': if (!NextDecimal(ref reader, out d)) return false; f.AskPrice = d; return true;
                case (byte)'A': if (!NextDecimal(ref reader, out d)) return false; f.AskQty = d; return true;
                case (byte)'F': if (!NextId(ref reader, out n)) return false; f.FirstId = n; return true;
                case (byte)'L': if (!NextId(ref reader, out n)) return false; f.LastId = n; return true;
                case (byte)'n': if (!NextId(ref reader, out n)) return false; f.Count = n; return true;
                default: return false;
            }
        }

        /// <summary>{"u":..,"s":..,"b":..,"B":..,"a":..,"A":..} (futures add "e", "E", "T")</summary>
        private static StreamBookTicker? TryBookTicker(ref Utf8JsonReader reader, string? stream)
        {
            var b = new StreamBookTicker { Stream = stream };
            int found = 0;
            while (true)
            {
                JsonReaderOutOfData.Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject) return found == 31 ? b : null;
                if (reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped) return null;
                ReadOnlySpan<byte> key = reader.ValueSpan;
                if (key.Length != 1)
                {
                    JsonReaderOutOfData.Next(ref reader);
                    reader.Skip();
                    continue;
                }
                switch (key[0])
                {
                    case (byte)'e': JsonReaderOutOfData.Next(ref reader); break;
                    case (byte)'E': if (!NextLong(ref reader, out long e)) return null; b.EventTime = e; break;
                    case (byte)'T': if (!NextLong(ref reader, out long t)) return null; b.TransactionTime = t; break;
                    case (byte)'u': if (!NextId(ref reader, out long u)) return null; b.UpdateId = u; found |= 1; break;
                    case (byte)'s': JsonReaderOutOfData.Next(ref reader); if (reader.TokenType == JsonTokenType.String) b.Symbol = reader.GetString(); break;
                    case (byte)'b': if (!NextDecimal(ref reader, out decimal bid)) return null; b.BidPrice = bid; found |= 2; break;
                    case (byte)'B': if (!NextDecimal(ref reader, out decimal bidQty)) return null; b.BidQty = bidQty; found |= 4; break;
                    case (byte)'a': if (!NextDecimal(ref reader, out decimal ask)) return null; b.AskPrice = ask; found |= 8; break;
                    case (byte)'A': if (!NextDecimal(ref reader, out decimal askQty)) return null; b.AskQty = askQty; found |= 16; break;
                    default: return null;
                }
            }
        }

        /// <summary>
        /// {"e":"depthUpdate","E":..,"s":..,"U":..,"u":..,"b":[[p,q]...],"a":[...]} (futures add "T", "pu") as a
        /// <see cref="StreamDepthUpdate"/>; {"lastUpdateId":..,"bids":[...],"asks":[...]} as a <see cref="StreamOrderBook"/>.
        /// </summary>
        private object? TryBook(ref Utf8JsonReader reader, string? stream, bool partial)
        {
            var update = new StreamDepthUpdate { Stream = stream };
            long? lastUpdateId = null;
            int found = 0;
            while (true)
            {
                JsonReaderOutOfData.Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject) break;
                if (reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped) return null;
                ReadOnlySpan<byte> key = reader.ValueSpan;
                if (partial && reader.ValueTextEquals("lastUpdateId")) { if (!NextId(ref reader, out long id)) return null; lastUpdateId = id; found |= 1; continue; }
                if (partial && reader.ValueTextEquals("bids")) { JsonReaderOutOfData.Next(ref reader); BookLevel[]? b = BookLevels(ref reader); if (b == null) return null; update.Bids = b; found |= 2; continue; }
                if (partial && reader.ValueTextEquals("asks")) { JsonReaderOutOfData.Next(ref reader); BookLevel[]? a = BookLevels(ref reader); if (a == null) return null; update.Asks = a; found |= 4; continue; }
                if (!partial && reader.ValueTextEquals("pu")) { if (!NextId(ref reader, out long pu)) return null; update.PrevFinalUpdateId = pu; continue; }
                if (partial || key.Length != 1) return null;
                switch (key[0])
                {
                    case (byte)'e': JsonReaderOutOfData.Next(ref reader); break;
                    case (byte)'E': if (!NextLong(ref reader, out long e)) return null; update.EventTime = e; break;
                    case (byte)'T': if (!NextLong(ref reader, out long t)) return null; update.TransactionTime = t; break;
                    case (byte)'s': JsonReaderOutOfData.Next(ref reader); if (reader.TokenType == JsonTokenType.String) update.Symbol = reader.GetString(); break;
                    case (byte)'U': if (!NextId(ref reader, out long first)) return null; update.FirstUpdateId = first; found |= 1; break;
                    case (byte)'u': if (!NextId(ref reader, out long final)) return null; update.FinalUpdateId = final; break;
                    case (byte)'b': { JsonReaderOutOfData.Next(ref reader); BookLevel[]? b = BookLevels(ref reader); if (b == null) return null; update.Bids = b; found |= 2; break; }
                    case (byte)'a': { JsonReaderOutOfData.Next(ref reader); BookLevel[]? a = BookLevels(ref reader); if (a == null) return null; update.Asks = a; found |= 4; break; }
                    default: return null;
                }
            }
            if (found != 7) return null;
            if (!partial) return update;
            return new StreamOrderBook { Symbol = SymbolOf(stream), LastUpdateId = lastUpdateId!.Value, Bids = update.Bids, Asks = update.Asks, Stream = stream };
        }

        /// <summary>[["price","qty"], ...]</summary>
        private static BookLevel[]? BookLevels(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartArray) return null;
            List<BookLevel>? levels = null;
            while (true)
            {
                JsonReaderOutOfData.Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndArray) return levels?.ToArray() ?? Array.Empty<BookLevel>();
                if (reader.TokenType != JsonTokenType.StartArray) return null;
                if (!NextDecimal(ref reader, out decimal price) || !NextDecimal(ref reader, out decimal qty)) return null;
                JsonReaderOutOfData.Next(ref reader);
                if (reader.TokenType != JsonTokenType.EndArray) return null;
                (levels ??= new List<BookLevel>()).Add(new BookLevel(price, qty));
            }
        }

        /// <summary>"btcusdt@depth5" to BTCUSDT.</summary>
        private string? SymbolOf(string? stream)
        {
            if (stream == null) return null;
            if (_symbols.TryGetValue(stream, out string? symbol)) return symbol;
            int at = stream.IndexOf('@');
            symbol = at > 0 ? stream.Substring(0, at).ToUpperInvariant() : null;
            if (_symbols.Count < 4096) _symbols[stream] = symbol;
            return symbol;
        }

        private static bool NextLong(ref Utf8JsonReader reader, out long value)
        {
            JsonReaderOutOfData.Next(ref reader);
            value = 0;
            return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value) && value >= 0 && value < 253402300800000L;
        }

        private static bool NextId(ref Utf8JsonReader reader, out long value)
        {
            JsonReaderOutOfData.Next(ref reader);
            value = 0;
            return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value);
        }

        private static bool NextDecimal(ref Utf8JsonReader reader, out decimal value)
        {
            JsonReaderOutOfData.Next(ref reader);
            value = 0;
            if (reader.TokenType == JsonTokenType.Number) return reader.TryGetDecimal(out value);
            if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence) return false;
            ReadOnlySpan<byte> text = reader.ValueSpan;
            return ShapedRowReader.TryParsePlainDecimal(text, out value) || (Utf8Parser.TryParse(text, out value, out int used) && used == text.Length);
        }
    }
}
