using System;
using System.Buffers.Text;
using System.Text.Json;

namespace BinancePostman.Output
{
    /// <summary>
    /// Klines and aggregate trades read straight into their classes: no object[] or PSObject in between, prices
    /// parsed from the UTF-8 bytes. A row that does not have the expected form is read again as plain JSON.
    /// </summary>
    internal static class ShapedRowReader
    {
        private const long EpochTicks = 621355968000000000L; // 1970-01-01 UTC
        private const long MaxMs = (long)((3155378975999999999L - EpochTicks) / TimeSpan.TicksPerMillisecond);

        public static DateTime FromUnixMs(long ms) => new DateTime(EpochTicks + ms * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

        /// <summary>[openTime, "open", "high", "low", "close", "volume", closeTime, "quote", trades, "takerBase", "takerQuote", ...]</summary>
        public static Kline? TryKline(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartArray) return null;
            var k = new Kline();
            if (!NextTime(ref reader, out long open)) return null;
            k.OpenTimeMs = open;
            k.OpenTime = FromUnixMs(open);
            if (!NextDecimal(ref reader, out decimal d)) return null; k.Open = d;
            if (!NextDecimal(ref reader, out d)) return null; k.High = d;
            if (!NextDecimal(ref reader, out d)) return null; k.Low = d;
            if (!NextDecimal(ref reader, out d)) return null; k.Close = d;
            if (!NextDecimal(ref reader, out d)) return null; k.Volume = d;
            if (!NextTime(ref reader, out long close)) return null; k.CloseTime = FromUnixMs(close);
            if (!NextDecimal(ref reader, out d)) return null; k.QuoteVolume = d;
            JsonReaderOutOfData.Next(ref reader);
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long trades)) return null;
            k.Trades = trades;
            if (!NextDecimal(ref reader, out d)) return null; k.TakerBuyBaseVolume = d;
            if (!NextDecimal(ref reader, out d)) return null; k.TakerBuyQuoteVolume = d;
            // whatever follows (Binance's unused last field) is skipped
            while (true)
            {
                JsonReaderOutOfData.Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndArray) return k;
                if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray) return null;
            }
        }

        /// <summary>{"a":26129,"p":"0.01633102","q":"4.70443515","f":27781,"l":27781,"T":1498793709153,"m":true,"M":true}</summary>
        public static AggregateTrade? TryAggregateTrade(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject) return null;
            var t = new AggregateTrade();
            int found = 0;
            while (true)
            {
                JsonReaderOutOfData.Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject) break;
                if (reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped || reader.ValueSpan.Length != 1) return null;
                byte key = reader.ValueSpan[0];
                switch (key)
                {
                    case (byte)'a': if (!NextLong(ref reader, out long a)) return null; t.AggregateTradeId = a; found |= 1; break;
                    case (byte)'p': if (!NextDecimal(ref reader, out decimal p)) return null; t.Price = p; found |= 2; break;
                    case (byte)'q': if (!NextDecimal(ref reader, out decimal q)) return null; t.Quantity = q; found |= 4; break;
                    case (byte)'f': if (!NextLong(ref reader, out long f)) return null; t.FirstTradeId = f; break;
                    case (byte)'l': if (!NextLong(ref reader, out long l)) return null; t.LastTradeId = l; break;
                    case (byte)'T': if (!NextTime(ref reader, out long time)) return null; t.Time = FromUnixMs(time); found |= 8; break;
                    case (byte)'m': if (!NextBool(ref reader, out bool m)) return null; t.IsBuyerMaker = m; break;
                    case (byte)'M': if (!NextBool(ref reader, out bool best)) return null; t.IsBestMatch = best; break;
                    default: return null;
                }
            }
            return found == 15 ? t : null;
        }

        private static bool NextLong(ref Utf8JsonReader reader, out long value)
        {
            JsonReaderOutOfData.Next(ref reader);
            value = 0;
            return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value);
        }

        private static bool NextTime(ref Utf8JsonReader reader, out long ms) => NextLong(ref reader, out ms) && ms >= 0 && ms <= MaxMs;

        private static bool NextBool(ref Utf8JsonReader reader, out bool value)
        {
            JsonReaderOutOfData.Next(ref reader);
            value = reader.TokenType == JsonTokenType.True;
            return value || reader.TokenType == JsonTokenType.False;
        }

        /// <summary>A price as Binance sends it ("0.01633102"), or a plain number.</summary>
        private static bool NextDecimal(ref Utf8JsonReader reader, out decimal value)
        {
            JsonReaderOutOfData.Next(ref reader);
            value = 0;
            if (reader.TokenType == JsonTokenType.Number) return reader.TryGetDecimal(out value);
            if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence) return false;
            ReadOnlySpan<byte> text = reader.ValueSpan;
            return TryParsePlainDecimal(text, out value) || (Utf8Parser.TryParse(text, out value, out int used) && used == text.Length);
        }

        /// <summary>
        /// "-123.45000000" with at most 19 digits: the digits as one integer and the count after the point as the
        /// scale, which is what decimal.Parse makes of it (trailing zeros kept), without its general parser.
        /// </summary>
        internal static bool TryParsePlainDecimal(ReadOnlySpan<byte> text, out decimal value)
        {
            value = 0;
            bool negative = text.Length > 0 && text[0] == (byte)'-';
            ulong mantissa = 0;
            int seen = 0, significant = 0, scale = -1;
            for (int i = negative ? 1 : 0; i < text.Length; i++)
            {
                byte b = text[i];
                if (b == (byte)'.')
                {
                    if (scale >= 0 || seen == 0 || i == text.Length - 1) return false;
                    scale = 0;
                    continue;
                }
                uint digit = (uint)(b - (byte)'0');
                if (digit > 9) return false;
                seen++;
                if ((mantissa != 0 || digit != 0) && ++significant > 19) return false;
                mantissa = mantissa * 10 + digit;
                if (scale >= 0) scale++;
            }
            if (seen == 0 || scale > 28 || (negative && mantissa == 0)) return false;
            value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
            return true;
        }
    }
}
