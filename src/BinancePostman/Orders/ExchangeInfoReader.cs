using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace BinancePostman.Orders
{
    /// <summary>
    /// Reads the "symbols" of an exchangeInfo reply (spot, USDs-M or Coin-M) into each symbol's filters. Numbers come
    /// as strings ("0.00100000") or JSON numbers and are read as decimals, exactly. A filter whose values cannot be
    /// read is named in UnreadableFilters, not guessed.
    /// </summary>
    public static class ExchangeInfoReader
    {
        /// <exception cref="JsonException">the text is not JSON, or has no "symbols" array</exception>
        public static Dictionary<string, SymbolFilters> Read(string json, OrderApi api)
        {
            using JsonDocument doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("symbols", out JsonElement symbols) || symbols.ValueKind != JsonValueKind.Array)
                throw new JsonException("The exchangeInfo reply has no \"symbols\" array.");
            var result = new Dictionary<string, SymbolFilters>(StringComparer.Ordinal);
            foreach (JsonElement item in symbols.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object) continue;
                string? name = Text(item, "symbol");
                if (string.IsNullOrEmpty(name)) continue;
                result[name!] = ReadSymbol(name!, item, api);
            }
            return result;
        }

        private static SymbolFilters ReadSymbol(string name, JsonElement item, OrderApi api)
        {
            bool futures = api != OrderApi.Spot;
            var symbol = new SymbolFilters(name, api)
            {
                // futures carry both: contractStatus is the trading state of the contract
                Status = Text(item, "contractStatus") ?? Text(item, "status"),
                BaseAsset = Text(item, "baseAsset"),
                QuoteAsset = Text(item, "quoteAsset"),
                IcebergAllowed = Bool(item, "icebergAllowed"),
            };
            if (futures)
            {
                symbol.QuantityPrecision = Int(item, "quantityPrecision");
                symbol.PricePrecision = Int(item, "pricePrecision");
            }
            else
            {
                symbol.QuantityPrecision = Int(item, "baseAssetPrecision");
                symbol.PricePrecision = Int(item, "quoteAssetPrecision") ?? Int(item, "quotePrecision");
                symbol.QuoteQuantityPrecision = symbol.PricePrecision;
            }
            if (item.TryGetProperty("orderTypes", out JsonElement types) && types.ValueKind == JsonValueKind.Array)
            {
                var list = new List<string>();
                foreach (JsonElement t in types.EnumerateArray())
                    if (t.ValueKind == JsonValueKind.String) list.Add(t.GetString()!);
                symbol.OrderTypes = list;
            }

            var all = new List<string>();
            var other = new List<string>();
            var unreadable = new List<string>();
            if (item.TryGetProperty("filters", out JsonElement filters) && filters.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement f in filters.EnumerateArray())
                {
                    string? type = f.ValueKind == JsonValueKind.Object ? Text(f, "filterType") : null;
                    if (type == null) continue;
                    all.Add(type);
                    try
                    {
                        if (!Apply(symbol, type, f, futures)) other.Add(type);
                    }
                    catch (FormatException)
                    {
                        unreadable.Add(type);
                    }
                }
            }
            symbol.FilterTypes = all;
            symbol.OtherFilters = other;
            symbol.UnreadableFilters = unreadable;
            return symbol;
        }

        /// <returns>false for a filter type the checks do not know</returns>
        private static bool Apply(SymbolFilters s, string type, JsonElement f, bool futures)
        {
            switch (type)
            {
                case "PRICE_FILTER":
                    s.Price = new RangeFilter(type, "minPrice", "maxPrice", "tickSize",
                        Number(f, "minPrice"), Number(f, "maxPrice"), Number(f, "tickSize"), futures);
                    return true;
                case "LOT_SIZE":
                    s.LotSize = new RangeFilter(type, "minQty", "maxQty", "stepSize",
                        Number(f, "minQty"), Number(f, "maxQty"), Number(f, "stepSize"), futures);
                    return true;
                case "MARKET_LOT_SIZE":
                    s.MarketLotSize = new RangeFilter(type, "minQty", "maxQty", "stepSize",
                        Number(f, "minQty"), Number(f, "maxQty"), Number(f, "stepSize"), futures);
                    return true;
                case "PERCENT_PRICE":
                    s.PercentPrice = new PercentPriceFilter(Number(f, "multiplierUp"), Number(f, "multiplierDown"), Int(f, "avgPriceMins"), futures);
                    return true;
                case "PERCENT_PRICE_BY_SIDE":
                    s.PercentPriceBySide = new PercentPriceBySideFilter(Number(f, "bidMultiplierUp"), Number(f, "bidMultiplierDown"),
                        Number(f, "askMultiplierUp"), Number(f, "askMultiplierDown"), Int(f, "avgPriceMins"));
                    return true;
                case "MIN_NOTIONAL":
                    // spot: minNotional and applyToMarket; futures: notional, for every order
                    bool hasNotional = f.TryGetProperty("notional", out _) && !f.TryGetProperty("minNotional", out _);
                    s.MinNotional = hasNotional
                        ? new NotionalFilter(type, "notional", Number(f, "notional"), true, 0m, false, null)
                        : new NotionalFilter(type, "minNotional", Number(f, "minNotional"), Bool(f, "applyToMarket") ?? true, 0m, false, Int(f, "avgPriceMins"));
                    return true;
                case "NOTIONAL":
                    s.Notional = new NotionalFilter(type, "minNotional", Number(f, "minNotional"), Bool(f, "applyMinToMarket") ?? true,
                        OptionalNumber(f, "maxNotional") ?? 0m, Bool(f, "applyMaxToMarket") ?? false, Int(f, "avgPriceMins"));
                    return true;
                case "ICEBERG_PARTS":
                    s.IcebergParts = new CountFilter(type, "limit", Long(f, "limit"));
                    return true;
                case "MAX_NUM_ORDERS":
                    s.MaxNumOrders = Count(f, type, "maxNumOrders");
                    return true;
                case "MAX_NUM_ALGO_ORDERS":
                    s.MaxNumAlgoOrders = Count(f, type, "maxNumAlgoOrders");
                    return true;
                case "MAX_NUM_ICEBERG_ORDERS":
                    s.MaxNumIcebergOrders = Count(f, type, "maxNumIcebergOrders");
                    return true;
                case "MAX_POSITION":
                    s.MaxPosition = DecimalGrid.Normalize(Number(f, "maxPosition"));
                    return true;
                case "TRAILING_DELTA":
                    s.TrailingDelta = new TrailingDeltaFilter(Long(f, "minTrailingAboveDelta"), Long(f, "maxTrailingAboveDelta"),
                        Long(f, "minTrailingBelowDelta"), Long(f, "maxTrailingBelowDelta"));
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Spot names the limit after the filter (maxNumOrders); futures call it "limit".</summary>
        private static CountFilter Count(JsonElement f, string type, string spotName)
        {
            string name = f.TryGetProperty(spotName, out _) ? spotName : "limit";
            return new CountFilter(type, name, Long(f, name));
        }

        private static string? Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static bool? Bool(JsonElement e, string name) =>
            e.TryGetProperty(name, out JsonElement v) && (v.ValueKind == JsonValueKind.True || v.ValueKind == JsonValueKind.False) ? v.GetBoolean() : (bool?)null;

        private static int? Int(JsonElement e, string name)
        {
            decimal? d = OptionalNumber(e, name);
            return d != null && d.Value == decimal.Truncate(d.Value) && d.Value >= int.MinValue && d.Value <= int.MaxValue ? (int)d.Value : (int?)null;
        }

        private static long Long(JsonElement e, string name)
        {
            decimal d = Number(e, name);
            if (d != decimal.Truncate(d) || d < long.MinValue || d > long.MaxValue) throw new FormatException(name + " is not a whole number.");
            return (long)d;
        }

        private static decimal Number(JsonElement e, string name) =>
            OptionalNumber(e, name) ?? throw new FormatException(name + " is missing.");

        /// <exception cref="FormatException">present but not a number</exception>
        private static decimal? OptionalNumber(JsonElement e, string name)
        {
            if (!e.TryGetProperty(name, out JsonElement v) || v.ValueKind == JsonValueKind.Null) return null;
            string text = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.ValueKind == JsonValueKind.Number ? v.GetRawText() : throw new FormatException(name + " is not a number.");
            return ParseDecimal(text) ?? throw new FormatException(name + " is not a number: " + text);
        }

        /// <summary>"0.00100000", "1e-8", "5": as a decimal; null when it is none.</summary>
        public static decimal? ParseDecimal(string text) =>
            decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) ? d : (decimal?)null;
    }
}
