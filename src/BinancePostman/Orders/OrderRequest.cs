namespace BinancePostman.Orders
{
    /// <summary>An order's values as they would be sent; what is null is not sent.</summary>
    public sealed class OrderRequest
    {
        public OrderRequest(string symbol, OrderSide side, string type)
        {
            Symbol = symbol;
            Side = side;
            Type = type.ToUpperInvariant();
        }

        public string Symbol { get; }
        public OrderSide Side { get; }
        public string Type { get; }
        public decimal? Quantity { get; set; }
        public decimal? QuoteOrderQty { get; set; }
        public decimal? Price { get; set; }
        public decimal? StopPrice { get; set; }
        public decimal? IcebergQty { get; set; }
        /// <summary>Basis points (spot trailing stops).</summary>
        public long? TrailingDelta { get; set; }

        public OrderRequest Copy() => new OrderRequest(Symbol, Side, Type)
        {
            Quantity = Quantity,
            QuoteOrderQty = QuoteOrderQty,
            Price = Price,
            StopPrice = StopPrice,
            IcebergQty = IcebergQty,
            TrailingDelta = TrailingDelta,
        };
    }

    /// <summary>
    /// What the account-dependent filters need: the symbol's open orders (all, algo, iceberg) and, for MAX_POSITION,
    /// the base asset held (free + locked) plus the quantity of open buy orders. Null parts are not checked.
    /// </summary>
    public sealed class AccountLimits
    {
        public int? OpenOrders { get; set; }
        public int? OpenAlgoOrders { get; set; }
        public int? OpenIcebergOrders { get; set; }
        public decimal? Position { get; set; }
    }
}
