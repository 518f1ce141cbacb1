using System;
using System.Globalization;
using System.Management.Automation;

namespace BinancePostman.Output
{
    /// <summary>
    /// Friendly shapes for the replies users meet most, by the endpoint's path: klines as named columns, order book
    /// levels as (Price, Quantity), aggregate trades with long names. Each carries a type name for its table view.
    /// </summary>
    internal static class ResponseShapes
    {
        public const string KlineType = "BinancePostman.Kline";
        public const string OrderBookType = "BinancePostman.OrderBook";
        public const string OrderBookLevelType = "BinancePostman.OrderBookLevel";
        public const string AggregateTradeType = "BinancePostman.AggregateTrade";

        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>The shaping function for an endpoint path, or null for replies left as they are.</summary>
        public static Func<object?, object?>? For(string path)
        {
            string last = path.Substring(path.LastIndexOf('/') + 1);
            switch (last)
            {
                case "klines":
                case "uiKlines":
                case "continuousKlines":
                case "indexPriceKlines":
                case "markPriceKlines":
                case "premiumIndexKlines":
                    return Kline;
                case "depth":
                    return OrderBook;
                case "aggTrades":
                    return AggregateTrade;
                default:
                    return null;
            }
        }

        public static DateTime FromUnixMs(long ms) => Epoch.AddMilliseconds(ms);

        private static object? Kline(object? row)
        {
            if (!(row is object[] r) || r.Length < 11) return row;
            var k = new PSObject();
            k.TypeNames.Insert(0, KlineType);
            Add(k, "OpenTime", Time(r[0]));
            Add(k, "Open", Decimal(r[1]));
            Add(k, "High", Decimal(r[2]));
            Add(k, "Low", Decimal(r[3]));
            Add(k, "Close", Decimal(r[4]));
            Add(k, "Volume", Decimal(r[5]));
            Add(k, "CloseTime", Time(r[6]));
            Add(k, "QuoteVolume", Decimal(r[7]));
            Add(k, "Trades", r[8] is long t ? t : (object?)r[8]);
            Add(k, "TakerBuyBaseVolume", Decimal(r[9]));
            Add(k, "TakerBuyQuoteVolume", Decimal(r[10]));
            return k;
        }

        private static object? OrderBook(object? reply)
        {
            if (!(reply is PSObject book) || book.Properties["bids"] == null || book.Properties["asks"] == null) return reply;
            var shaped = new PSObject();
            shaped.TypeNames.Insert(0, OrderBookType);
            foreach (PSPropertyInfo p in book.Properties)
            {
                if (p.Name == "bids") Add(shaped, "Bids", Levels(p.Value));
                else if (p.Name == "asks") Add(shaped, "Asks", Levels(p.Value));
                else Add(shaped, p.Name, p.Value);
            }
            return shaped;
        }

        private static object[] Levels(object? value)
        {
            if (!(value is object[] rows)) return Array.Empty<object>();
            var levels = new object[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                var level = new PSObject();
                level.TypeNames.Insert(0, OrderBookLevelType);
                object[] pair = rows[i] as object[] ?? Array.Empty<object>();
                Add(level, "Price", pair.Length > 0 ? Decimal(pair[0]) : null);
                Add(level, "Quantity", pair.Length > 1 ? Decimal(pair[1]) : null);
                levels[i] = level;
            }
            return levels;
        }

        private static readonly (string key, string name)[] AggregateTradeNames =
        {
            ("a", "AggregateTradeId"), ("p", "Price"), ("q", "Quantity"), ("f", "FirstTradeId"), ("l", "LastTradeId"),
            ("T", "Time"), ("m", "IsBuyerMaker"), ("M", "IsBestMatch"),
        };

        private static object? AggregateTrade(object? row)
        {
            if (!(row is PSObject t) || t.Properties["a"] == null) return row;
            var shaped = new PSObject();
            shaped.TypeNames.Insert(0, AggregateTradeType);
            foreach (var (key, name) in AggregateTradeNames)
            {
                object? value = FindExact(t, key);
                Add(shaped, name, key == "p" || key == "q" ? Decimal(value) : key == "T" ? Time(value) : value);
            }
            return shaped;
        }

        /// <summary>Binance's one-letter keys differ only by case ("m" and "M"): match exactly.</summary>
        private static object? FindExact(PSObject o, string key)
        {
            foreach (PSPropertyInfo p in o.Properties)
                if (p.Name == key) return p.Value;
            return null;
        }

        private static void Add(PSObject o, string name, object? value) => o.Properties.Add(new PSNoteProperty(name, value), true);

        private static object? Time(object? ms) => ms is long l ? FromUnixMs(l) : ms;

        private static object? Decimal(object? value)
        {
            if (value is string s && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal d)) return d;
            if (value is long l) return (decimal)l;
            return value;
        }
    }
}
