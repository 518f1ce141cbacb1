using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using BinancePostman.Catalog;
using BinancePostman.Commands.Completion;
using BinancePostman.Credentials;
using BinancePostman.Http;
using BinancePostman.Orders;
using BinancePostman.Session;

namespace BinancePostman.Commands
{
    /// <summary>
    /// What the order cmdlets share: the order's values (as parameters, by property name from the pipeline, or as a
    /// piped hashtable), and the symbol's filters from exchangeInfo through the module's one send path (weight counted,
    /// retried as reads are), kept in the process-wide filter cache.
    /// </summary>
    public abstract partial class OrderValueCmdlet : BinanceRequestCmdlet
    {
        protected const string ByValues = "Values";
        protected const string ByDictionary = "Dictionary";

        /// <summary>The symbol, e.g. BTCUSDT (upper case is sent whatever is typed).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByValues)]
        public string Symbol { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ByValues)]
        public OrderSide Side { get; set; }

        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true, ParameterSetName = ByValues)]
        [ArgumentCompleter(typeof(OrderTypeCompleter))]
        public string Type { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByValues)]
        [OrderNumber]
        public decimal? Quantity { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByValues)]
        [OrderNumber]
        public decimal? QuoteOrderQty { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByValues)]
        [OrderNumber]
        public decimal? Price { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByValues)]
        [OrderNumber]
        public decimal? StopPrice { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByValues)]
        [OrderNumber]
        public decimal? IcebergQty { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByValues)]
        [OrderNumber]
        public long? TrailingDelta { get; set; }

        /// <summary>An order as a hashtable (symbol, side, type, quantity, price...), as it would go to -Parameters.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByDictionary)]
        public IDictionary? InputObject { get; set; }

        /// <summary>Spot (default), UsdM or CoinM: whose exchangeInfo holds the symbol.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public OrderApi Api { get; set; } = OrderApi.Spot;

        /// <summary>Reads the filters again instead of using the ones kept from an earlier read.</summary>
        [Parameter]
        public SwitchParameter Refresh { get; set; }

        private static readonly HashSet<string> OrderKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "symbol", "side", "type", "quantity", "quoteOrderQty", "price", "stopPrice", "icebergQty", "trailingDelta", "api",
        };

        /// <summary>The piped dictionary's other entries (timeInForce, newClientOrderId...), in their order: carried along, not read.</summary>
        internal List<KeyValuePair<string, object?>> OtherValues()
        {
            var rest = new List<KeyValuePair<string, object?>>();
            if (ParameterSetName != ByDictionary || InputObject == null) return rest;
            foreach (DictionaryEntry e in InputObject)
            {
                string key = e.Key?.ToString() ?? "";
                if (key.Length > 0 && !OrderKeys.Contains(key)) rest.Add(new KeyValuePair<string, object?>(key, Unwrap(e.Value)));
            }
            return rest;
        }

        /// <summary>The order from the parameters, or from the piped dictionary (its api key wins over -Api).</summary>
        internal OrderRequest ReadOrder(out OrderApi api)
        {
            api = Api;
            OrderRequest order;
            if (ParameterSetName == ByDictionary)
            {
                var d = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (DictionaryEntry e in InputObject!) d[e.Key?.ToString() ?? ""] = Unwrap(e.Value);
                string symbol = Text(d, "symbol") ?? throw Invalid("The order has no symbol.", "symbol");
                OrderSide side = Convert<OrderSide>(d, "side") ?? throw Invalid("The order has no side (BUY or SELL).", "side");
                string type = Text(d, "type") ?? throw Invalid("The order has no type (LIMIT, MARKET...).", "type");
                order = new OrderRequest(symbol.ToUpperInvariant(), side, type)
                {
                    Quantity = Convert<decimal>(d, "quantity"),
                    QuoteOrderQty = Convert<decimal>(d, "quoteOrderQty"),
                    Price = Convert<decimal>(d, "price"),
                    StopPrice = Convert<decimal>(d, "stopPrice"),
                    IcebergQty = Convert<decimal>(d, "icebergQty"),
                    TrailingDelta = Convert<long>(d, "trailingDelta"),
                };
                if (Convert<OrderApi>(d, "api") is OrderApi fromInput) api = fromInput;
            }
            else
            {
                if (string.IsNullOrWhiteSpace(Symbol)) throw Invalid("-Symbol is empty.", "Symbol");
                if (string.IsNullOrWhiteSpace(Type)) throw Invalid("-Type is empty.", "Type");
                order = new OrderRequest(Symbol.Trim().ToUpperInvariant(), Side, Type.Trim())
                {
                    Quantity = Quantity,
                    QuoteOrderQty = QuoteOrderQty,
                    Price = Price,
                    StopPrice = StopPrice,
                    IcebergQty = IcebergQty,
                    TrailingDelta = TrailingDelta,
                };
            }
            Positive(order.Quantity, "quantity");
            Positive(order.QuoteOrderQty, "quoteOrderQty");
            Positive(order.Price, "price");
            Positive(order.StopPrice, "stopPrice");
            if (order.IcebergQty < 0m) throw Invalid("icebergQty cannot be negative.", "icebergQty");
            if (order.TrailingDelta <= 0) throw Invalid("trailingDelta is in basis points and must be positive.", "trailingDelta");
            return order;
        }

        private static void Positive(decimal? value, string name)
        {
            if (value <= 0m) throw Invalid($"{name} must be greater than zero; Binance refuses {value}.", name);
        }

        private static PSArgumentException Invalid(string message, string name) => new PSArgumentException(message, name);

        private static object? Unwrap(object? value) => value is PSObject pso ? pso.BaseObject : value;

        private static string? Text(Dictionary<string, object?> d, string name) =>
            d.TryGetValue(name, out object? v) && v != null && v.ToString()!.Trim().Length > 0 ? v.ToString()!.Trim() : null;

        /// <summary>A value of the dictionary converted as PowerShell converts arguments (invariant culture); null when absent or empty.</summary>
        private static T? Convert<T>(Dictionary<string, object?> d, string name) where T : struct
        {
            if (!d.TryGetValue(name, out object? v) || v == null || (v is string s && s.Trim().Length == 0)) return null;
            try
            {
                return LanguagePrimitives.ConvertTo<T>(v);
            }
            catch (PSInvalidCastException)
            {
                throw Invalid($"The order's {name} '{v}' is not a valid {typeof(T).Name}.", name);
            }
        }
    }
}
