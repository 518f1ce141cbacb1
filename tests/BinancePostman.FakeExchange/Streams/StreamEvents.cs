using System;
using System.Globalization;
using System.Text;

namespace BinancePostman.FakeExchange.Streams
{
    /// <summary>
    /// Market events as Binance sends them, made from the stream's name and a tick number k: the same k always gives
    /// the same bytes, so two connections at once send identical events (as Binance's do).
    /// </summary>
    public static class StreamEvents
    {
        /// <summary>The event of tick k at time ms, or null when the name is no stream the exchange knows.</summary>
        public static string? Market(string stream, long k, long timeMs, int padding)
        {
            if (!Parse(stream, out string symbol, out string kind)) return null;
            string s = symbol.ToUpperInvariant();
            string price = Price(k);
            string pad = padding > 0 ? ",\"pad\":\"" + new string('x', padding) + "\"" : "";
            string t = timeMs.ToString(CultureInfo.InvariantCulture);
            string id = k.ToString(CultureInfo.InvariantCulture);
            if (kind == "trade")
                return $"{{\"e\":\"trade\",\"E\":{t},\"s\":\"{s}\",\"t\":{id},\"p\":\"{price}\",\"q\":\"0.00100000\",\"T\":{t},\"m\":{Bool(k % 2 == 0)},\"M\":true{pad}}}";
            if (kind == "aggTrade")
                return $"{{\"e\":\"aggTrade\",\"E\":{t},\"s\":\"{s}\",\"a\":{id},\"p\":\"{price}\",\"q\":\"0.00200000\",\"f\":{k * 2},\"l\":{k * 2 + 1},\"T\":{t},\"m\":{Bool(k % 3 == 0)},\"M\":true{pad}}}";
            if (kind.StartsWith("kline_", StringComparison.Ordinal))
            {
                string interval = kind.Substring(6);
                long length = IntervalMs(interval);
                if (length == 0) return null;
                long open = timeMs / length * length;
                return $"{{\"e\":\"kline\",\"E\":{t},\"s\":\"{s}\",\"k\":{{\"t\":{open},\"T\":{open + length - 1},\"s\":\"{s}\",\"i\":\"{interval}\",\"f\":{k},\"L\":{k + 9},\"o\":\"{Price(k - 3)}\",\"c\":\"{price}\",\"h\":\"{Price(k + 5)}\",\"l\":\"{Price(k - 7)}\",\"v\":\"12.50000000\",\"n\":10,\"x\":{Bool(timeMs + 1000 >= open + length)},\"q\":\"250000.00000000\",\"V\":\"6.00000000\",\"Q\":\"120000.00000000\",\"B\":\"0\"}}{pad}}}";
            }
            if (kind == "bookTicker")
                return $"{{\"u\":{id},\"s\":\"{s}\",\"b\":\"{price}\",\"B\":\"1.50000000\",\"a\":\"{Price(k + 1)}\",\"A\":\"2.25000000\"{pad}}}";
            if (kind == "depth" || kind == "depth@100ms")
                return $"{{\"e\":\"depthUpdate\",\"E\":{t},\"s\":\"{s}\",\"U\":{k * 10},\"u\":{k * 10 + 9},\"b\":[[\"{price}\",\"1.00000000\"],[\"{Price(k - 1)}\",\"0.00000000\"]],\"a\":[[\"{Price(k + 1)}\",\"2.00000000\"]]{pad}}}";
            if (kind == "depth5" || kind == "depth10" || kind == "depth20" || kind.StartsWith("depth5@", StringComparison.Ordinal) || kind.StartsWith("depth10@", StringComparison.Ordinal) || kind.StartsWith("depth20@", StringComparison.Ordinal))
            {
                int levels = int.Parse(kind.Substring(5).Split('@')[0], CultureInfo.InvariantCulture);
                var bids = new StringBuilder();
                var asks = new StringBuilder();
                for (int i = 0; i < levels; i++)
                {
                    if (i > 0) { bids.Append(','); asks.Append(','); }
                    bids.Append("[\"").Append(Price(k - i)).Append("\",\"1.00000000\"]");
                    asks.Append("[\"").Append(Price(k + 1 + i)).Append("\",\"1.00000000\"]");
                }
                return $"{{\"lastUpdateId\":{id},\"bids\":[{bids}],\"asks\":[{asks}]{pad}}}";
            }
            if (kind == "miniTicker")
                return $"{{\"e\":\"24hrMiniTicker\",\"E\":{t},\"s\":\"{s}\",\"c\":\"{price}\",\"o\":\"{Price(k - 100)}\",\"h\":\"{Price(k + 50)}\",\"l\":\"{Price(k - 150)}\",\"v\":\"1000.00000000\",\"q\":\"20000000.00000000\"{pad}}}";
            if (kind == "ticker")
                return $"{{\"e\":\"24hrTicker\",\"E\":{t},\"s\":\"{s}\",\"p\":\"1.00000000\",\"P\":\"0.005\",\"w\":\"{price}\",\"x\":\"{Price(k - 1)}\",\"c\":\"{price}\",\"Q\":\"0.01000000\",\"b\":\"{price}\",\"B\":\"1.00000000\",\"a\":\"{Price(k + 1)}\",\"A\":\"1.00000000\",\"o\":\"{Price(k - 100)}\",\"h\":\"{Price(k + 50)}\",\"l\":\"{Price(k - 150)}\",\"v\":\"1000.00000000\",\"q\":\"20000000.00000000\",\"O\":{timeMs - 86400000},\"C\":{t},\"F\":{k},\"L\":{k + 1000},\"n\":1001{pad}}}";
            if (kind == "markPrice" || kind == "markPrice@1s")
                return $"{{\"e\":\"markPriceUpdate\",\"E\":{t},\"s\":\"{s}\",\"p\":\"{price}\",\"i\":\"{price}\",\"P\":\"{price}\",\"r\":\"0.00010000\",\"T\":{timeMs / 28800000 * 28800000 + 28800000}{pad}}}";
            return null;
        }

        /// <summary>"!miniTicker@arr": an array of three symbols' mini tickers.</summary>
        public static string? AllMarket(string stream, long k, long timeMs)
        {
            if (stream != "!miniTicker@arr") return null;
            var items = new StringBuilder("[");
            string[] symbols = { "btcusdt", "ethusdt", "bnbusdt" };
            for (int i = 0; i < symbols.Length; i++)
            {
                if (i > 0) items.Append(',');
                items.Append(Market(symbols[i] + "@miniTicker", k + i, timeMs, 0));
            }
            return items.Append(']').ToString();
        }

        /// <summary>Whether the exchange serves this stream name: a lowercase symbol and a known kind.</summary>
        public static bool Known(string stream) =>
            stream == "!miniTicker@arr" || (Parse(stream, out _, out _) && Market(stream, 1, 60000, 0) != null);

        private static bool Parse(string stream, out string symbol, out string kind)
        {
            int at = stream.IndexOf('@');
            symbol = at < 0 ? "" : stream.Substring(0, at);
            kind = at < 0 ? "" : stream.Substring(at + 1);
            if (symbol.Length == 0 || kind.Length == 0) return false;
            foreach (char c in symbol)
                if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) return false;
            return true;
        }

        private static long IntervalMs(string interval) => interval switch
        {
            "1s" => 1000,
            "1m" => 60000,
            "3m" => 180000,
            "5m" => 300000,
            "15m" => 900000,
            "30m" => 1800000,
            "1h" => 3600000,
            "4h" => 14400000,
            "1d" => 86400000,
            _ => 0,
        };

        private static string Price(long k) => (20000m + (k % 1000) / 100m).ToString("0.00000000", CultureInfo.InvariantCulture);

        private static string Bool(bool b) => b ? "true" : "false";
    }
}
