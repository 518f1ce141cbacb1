using System;
using System.Text.Json;

namespace BinancePostman.Orders
{
    /// <summary>
    /// Reads the replies the account- and price-dependent filters need: the reference price (spot's average price,
    /// futures' mark price) and the symbol's open orders and balance.
    /// </summary>
    public static class OrderReplies
    {
        /// <summary>
        /// Spot GET /api/v3/avgPrice: {"mins":5,"price":"..."}; USDs-M GET /fapi/v1/premiumIndex?symbol=: {"markPrice":"..."};
        /// Coin-M GET /dapi/v1/premiumIndex?symbol=: an array of such objects, one per contract.
        /// </summary>
        /// <returns>the price, or null when the reply has none for the symbol</returns>
        public static decimal? ReferencePrice(string json, OrderApi api, string symbol)
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            JsonElement root = doc.RootElement;
            string field = api == OrderApi.Spot ? "price" : "markPrice";
            if (root.ValueKind == JsonValueKind.Object) return Number(root, field);
            if (root.ValueKind != JsonValueKind.Array) return null;
            foreach (JsonElement item in root.EnumerateArray())
                if (item.ValueKind == JsonValueKind.Object && Text(item, "symbol") == symbol) return Number(item, field);
            return null;
        }

        /// <summary>
        /// Open orders of one symbol (GET openOrders?symbol=) as the counts MAX_NUM_ORDERS, MAX_NUM_ALGO_ORDERS and
        /// MAX_NUM_ICEBERG_ORDERS need, and the quantity of open buy orders (for MAX_POSITION).
        /// </summary>
        public static AccountLimits OpenOrders(string json, OrderApi api, out decimal openBuyQuantity)
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array) throw new JsonException("The open orders reply is not a JSON array.");
            int all = 0, algo = 0, iceberg = 0;
            decimal buys = 0m;
            foreach (JsonElement o in doc.RootElement.EnumerateArray())
            {
                if (o.ValueKind != JsonValueKind.Object) continue;
                all++;
                string type = Text(o, "type") ?? "";
                if (OrderTypes.IsAlgo(type, api)) algo++;
                if (Number(o, "icebergQty") > 0m) iceberg++;
                if (string.Equals(Text(o, "side"), "BUY", StringComparison.OrdinalIgnoreCase))
                    buys += (Number(o, "origQty") ?? 0m) - (Number(o, "executedQty") ?? 0m);
            }
            openBuyQuantity = buys;
            return new AccountLimits { OpenOrders = all, OpenAlgoOrders = algo, OpenIcebergOrders = iceberg };
        }

        /// <summary>free + locked of one asset from spot's GET /api/v3/account; 0 when the account has none.</summary>
        public static decimal Balance(string json, string asset)
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("balances", out JsonElement balances)
                || balances.ValueKind != JsonValueKind.Array)
                throw new JsonException("The account reply has no \"balances\" array.");
            foreach (JsonElement b in balances.EnumerateArray())
                if (b.ValueKind == JsonValueKind.Object && Text(b, "asset") == asset)
                    return (Number(b, "free") ?? 0m) + (Number(b, "locked") ?? 0m);
            return 0m;
        }

        private static string? Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static decimal? Number(JsonElement e, string name)
        {
            if (!e.TryGetProperty(name, out JsonElement v)) return null;
            string? text = v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null;
            return text == null ? null : ExchangeInfoReader.ParseDecimal(text);
        }
    }
}
