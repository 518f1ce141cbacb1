using System.Collections.Specialized;

namespace BinancePostman.Orders
{
    /// <summary>
    /// An order's values rounded onto the symbol's grids, with what changed, and Parameters: the values as Binance's
    /// parameter names and texts (an ordered dictionary, for -Parameters or splatting into Invoke-BinanceRequest).
    /// </summary>
    public sealed class RoundedOrder
    {
        public RoundedOrder(OrderRequest order, OrderApi api, ValueChange[] changes)
        {
            Symbol = order.Symbol;
            Side = order.Side;
            Type = order.Type;
            Quantity = order.Quantity;
            QuoteOrderQty = order.QuoteOrderQty;
            Price = order.Price;
            StopPrice = order.StopPrice;
            IcebergQty = order.IcebergQty;
            TrailingDelta = order.TrailingDelta;
            Api = api;
            Changes = changes;
            Parameters = new OrderedDictionary
            {
                ["symbol"] = Symbol,
                ["side"] = Side == OrderSide.Buy ? "BUY" : "SELL",
                ["type"] = Type,
            };
            Put(OrderFields.Quantity, Quantity);
            Put(OrderFields.QuoteOrderQty, QuoteOrderQty);
            Put(OrderFields.Price, Price);
            Put(OrderFields.StopPrice, StopPrice);
            Put(OrderFields.IcebergQty, IcebergQty);
            if (TrailingDelta != null) Parameters[OrderFields.TrailingDelta] = TrailingDelta.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        private void Put(string name, decimal? value)
        {
            if (value != null) Parameters[name] = DecimalGrid.Format(value.Value);
        }

        public string Symbol { get; }
        public OrderSide Side { get; }
        public string Type { get; }
        public decimal? Quantity { get; }
        public decimal? QuoteOrderQty { get; }
        public decimal? Price { get; }
        public decimal? StopPrice { get; }
        public decimal? IcebergQty { get; }
        public long? TrailingDelta { get; }
        public OrderApi Api { get; }
        /// <summary>The values rounding changed (empty when every value was already on its grid).</summary>
        public ValueChange[] Changes { get; }
        /// <summary>symbol, side, type and the given values as text Binance takes: no exponent, no trailing zeros.</summary>
        public OrderedDictionary Parameters { get; }
    }
}
