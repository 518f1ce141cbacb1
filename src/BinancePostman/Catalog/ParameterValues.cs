using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace BinancePostman.Catalog
{
    /// <summary>
    /// The values a parameter takes, where the set is finite: listed in the parameter's own description
    /// ("BUY or SELL.", "Supported values: FULL or MINI"), else Binance's enums for the common names
    /// (side, order types, time in force, kline intervals...). For completion only: Binance adds values, so
    /// nothing is ever refused for not being listed.
    /// </summary>
    public static class ParameterValues
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant;
        private static readonly Regex Marker = new Regex(@"(?:supported values|valid values|possible supported values are|allowed values|enum)\s*:?\s*(?:are\s*)?:?", Options | RegexOptions.IgnoreCase);
        private static readonly Regex Parenthetical = new Regex(@"\([^)]*\)", Options);
        private static readonly Regex Separator = new Regex(@"\s*,\s*|\s*，\s*|\s+or\s+|\s*/\s*|\s*\|\s*", Options);
        private static readonly Regex Token = new Regex(@"^(?:[A-Z][A-Z0-9_]*|\d+[smhdwM])$", Options);

        private static readonly string[] SpotIntervals = { "1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M" };
        private static readonly string[] SpotOrderTypes = { "LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER" };
        private static readonly string[] FuturesOrderTypes = { "LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET" };

        private static readonly ConditionalWeakTable<Endpoint, Dictionary<string, IReadOnlyList<string>>> Cache =
            new ConditionalWeakTable<Endpoint, Dictionary<string, IReadOnlyList<string>>>();

        /// <summary>The endpoint's parameters that have a finite set of values, by name (computed once per endpoint).</summary>
        public static IReadOnlyDictionary<string, IReadOnlyList<string>> Of(Endpoint endpoint) =>
            Cache.GetValue(endpoint, e =>
            {
                var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
                foreach (EndpointParameter p in e.Parameters)
                {
                    IReadOnlyList<string>? found = For(e, p);
                    if (found != null && !values.ContainsKey(p.Name)) values[p.Name] = found;
                }
                return values;
            });

        /// <summary>An explicit "Supported values:" list first, then Binance's enums (they know the API's differences), then a plain list in the description.</summary>
        public static IReadOnlyList<string>? For(Endpoint endpoint, EndpointParameter parameter)
        {
            IReadOnlyList<string>? described = FromDescription(parameter.Description, out bool marked);
            if (marked && described != null) return described;
            return Known(endpoint, parameter.Name) ?? described;
        }

        internal static IReadOnlyList<string>? FromDescription(string? description) => FromDescription(description, out _);

        /// <summary>A description that is a list of values, on its own or after "Label:" or "Supported values:".</summary>
        private static IReadOnlyList<string>? FromDescription(string? description, out bool marked)
        {
            marked = false;
            if (string.IsNullOrWhiteSpace(description)) return null;
            string text = description!.Replace("`", "").Replace("\"", "").Replace("'", "");
            Match marker = Marker.Match(text);
            marked = marker.Success;
            if (marker.Success) text = text.Substring(marker.Index + marker.Length);
            else
            {
                int colon = FirstSentence(text).LastIndexOf(':');
                if (colon >= 0) text = text.Substring(colon + 1);
            }
            text = Parenthetical.Replace(FirstSentence(text), " ").Trim().TrimEnd('.', ';').Trim();
            if (text.Length == 0) return null;
            var tokens = Separator.Split(text).Select(t => t.Trim().TrimEnd('.')).Where(t => t.Length > 0).ToList();
            if (tokens.Count < 2 || !tokens.All(t => Token.IsMatch(t))) return null;
            return tokens.Distinct(StringComparer.Ordinal).ToList();
        }

        private static readonly char[] SentenceEnds = { '\n', ';' };

        private static string FirstSentence(string text)
        {
            int end = text.IndexOfAny(SentenceEnds);
            int stop = text.IndexOf(". ", StringComparison.Ordinal);
            if (stop >= 0 && (end < 0 || stop < end)) end = stop;
            return end < 0 ? text : text.Substring(0, end);
        }

        /// <summary>Binance's enums (developers.binance.com, "Enum Definitions") for names that mean the same everywhere.</summary>
        private static IReadOnlyList<string>? Known(Endpoint endpoint, string name)
        {
            bool futures = endpoint.Family == ApiFamily.UsdMFutures || endpoint.Family == ApiFamily.CoinMFutures || endpoint.Family == ApiFamily.PortfolioMargin;
            bool options = endpoint.Family == ApiFamily.Options;
            string path = endpoint.Path.ToLowerInvariant();
            switch (name)
            {
                case "side":
                    return new[] { "BUY", "SELL" };
                case "timeInForce":
                    return futures || options ? new[] { "GTC", "IOC", "FOK", "GTX", "GTD" } : new[] { "GTC", "IOC", "FOK" };
                case "newOrderRespType":
                    return futures || options ? new[] { "ACK", "RESULT" } : new[] { "ACK", "RESULT", "FULL" };
                case "selfTradePreventionMode":
                    return futures ? new[] { "NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH" } : new[] { "NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT" };
                case "positionSide":
                    return new[] { "BOTH", "LONG", "SHORT" };
                case "workingType":
                    return new[] { "MARK_PRICE", "CONTRACT_PRICE" };
                case "priceMatch":
                    return new[] { "NONE", "OPPONENT", "OPPONENT_5", "OPPONENT_10", "OPPONENT_20", "QUEUE", "QUEUE_5", "QUEUE_10", "QUEUE_20" };
                case "sideEffectType":
                    return new[] { "NO_SIDE_EFFECT", "MARGIN_BUY", "AUTO_REPAY", "AUTO_BORROW_REPAY" };
                case "marginType":
                    return futures ? new[] { "ISOLATED", "CROSSED" } : null;
                case "contractType":
                    return futures ? new[] { "PERPETUAL", "CURRENT_QUARTER", "NEXT_QUARTER" } : null;
                case "interval":
                    if (path.IndexOf("kline", StringComparison.Ordinal) < 0) return null;
                    return futures || options ? SpotIntervals.Skip(1).ToArray() : SpotIntervals;
                case "type":
                    // `type` names other things on record queries: order types only where orders are placed
                    if (endpoint.Method != "POST" && endpoint.Method != "PUT") return null;
                    if (options) return path.EndsWith("/order", StringComparison.Ordinal) ? new[] { "LIMIT" } : null;
                    if (!(path.EndsWith("/order", StringComparison.Ordinal) || path.EndsWith("/order/test", StringComparison.Ordinal)
                          || path.EndsWith("/cancelreplace", StringComparison.Ordinal) || path.EndsWith("/order/amend", StringComparison.Ordinal)))
                        return null;
                    return futures ? FuturesOrderTypes : SpotOrderTypes;
                default:
                    return null;
            }
        }
    }
}
