using System;
using System.Globalization;
using System.Management.Automation;
using System.Text.Json;

namespace BinancePostman.Output
{
    /// <summary>
    /// Friendly shapes for the replies users meet most, by the endpoint's path: klines as named columns, order book
    /// levels as (Price, Quantity), aggregate trades with long names. Each has a type name for its table view.
    /// </summary>
    internal static class ResponseShapes
    {
        public const string OrderBookType = "BinancePostman.OrderBook";
        public const string OrderBookLevelType = "BinancePostman.OrderBookLevel";
        public const string OrderType = "BinancePostman.Order";
        public const string TradeType = "BinancePostman.Trade";
        public const string AccountType = "BinancePostman.Account";

        private enum Shape { None, Kline, OrderBook, AggregateTrade, Order, Trade, Account }

        private static Shape ShapeOf(string path)
        {
            if (ReplyPaths.IsKlines(path)) return Shape.Kline;
            switch (ReplyPaths.LastSegment(path))
            {
                case "depth":
                    return Shape.OrderBook;
                case "aggTrades":
                    return Shape.AggregateTrade;
                case "order":
                case "openOrder":
                case "openOrders":
                case "allOrders":
                case "historyOrders":
                    return TradingApi(path) ? Shape.Order : Shape.None;
                case "trades":
                case "historicalTrades":
                case "myTrades":
                case "userTrades":
                    return TradingApi(path) ? Shape.Trade : Shape.None;
                case "account":
                    return path == "/api/v3/account" || path == "/fapi/v2/account" || path == "/fapi/v3/account" || path == "/dapi/v1/account" ? Shape.Account : Shape.None;
                default:
                    return Shape.None;
            }
        }

        /// <summary>Orders and trades of the exchange APIs themselves (not algo, convert or other /sapi areas with other fields).</summary>
        private static bool TradingApi(string path) =>
            path.StartsWith("/api/v3/", StringComparison.Ordinal) || path.StartsWith("/fapi/v1/", StringComparison.Ordinal)
            || path.StartsWith("/dapi/v1/", StringComparison.Ordinal) || path.StartsWith("/eapi/v1/", StringComparison.Ordinal)
            || path.StartsWith("/sapi/v1/margin/", StringComparison.Ordinal);

        /// <summary>
        /// Reads each element of a reply from the endpoint at <paramref name="path"/>: klines and aggregate trades
        /// straight into their classes, the order book reshaped, anything else (or -AsHashtable) as plain JSON.
        /// </summary>
        public static JsonElementReader Reader(string path, bool asHashtable)
        {
            var plain = new JsonToPSObject(asHashtable);
            Shape shape = asHashtable ? Shape.None : ShapeOf(path);
            switch (shape)
            {
                case Shape.Kline:
                    return (ref Utf8JsonReader reader) =>
                    {
                        Utf8JsonReader start = reader;
                        Kline? k = ShapedRowReader.TryKline(ref reader);
                        if (k != null) return k;
                        reader = start;
                        return plain.ReadValue(ref reader);
                    };
                case Shape.AggregateTrade:
                    return (ref Utf8JsonReader reader) =>
                    {
                        Utf8JsonReader start = reader;
                        AggregateTrade? t = ShapedRowReader.TryAggregateTrade(ref reader);
                        if (t != null) return t;
                        reader = start;
                        return plain.ReadValue(ref reader);
                    };
                case Shape.OrderBook:
                    return (ref Utf8JsonReader reader) => OrderBook(plain.ReadValue(ref reader));
                // the raw values stay (times in ms, for Export-Csv and round trips); the type name's view shows UTC times
                case Shape.Order:
                    return (ref Utf8JsonReader reader) => Named(plain.ReadValue(ref reader), OrderType);
                case Shape.Trade:
                    return (ref Utf8JsonReader reader) => Named(plain.ReadValue(ref reader), TradeType);
                case Shape.Account:
                    return (ref Utf8JsonReader reader) => Named(plain.ReadValue(ref reader), AccountType);
                default:
                    return plain.ReadValue;
            }
        }

        private static object? Named(object? value, string typeName)
        {
            if (value is PSObject o) o.TypeNames.Insert(0, typeName);
            return value;
        }

        public static DateTime FromUnixMs(long ms) => ShapedRowReader.FromUnixMs(ms);

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

        private static void Add(PSObject o, string name, object? value) => o.Properties.Add(new PSNoteProperty(name, value), true);

        private static object? Decimal(object? value)
        {
            if (value is string s && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal d)) return d;
            if (value is long l) return (decimal)l;
            return value;
        }
    }
}
