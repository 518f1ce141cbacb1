using System;

namespace BinancePostman
{
    /// <summary>
    /// A kline from a stream (&lt;symbol&gt;@kline_&lt;interval&gt;, continuous klines): the candle as a <see cref="Kline"/>, and
    /// which symbol and interval, whether it is closed (a candle is sent again as it forms until then), and its event time.
    /// </summary>
    public sealed class StreamKline : Kline
    {
        public string? Symbol { get; set; }
        public string? Interval { get; set; }
        public bool IsClosed { get; set; }
        public DateTime EventTime { get; set; }
        public long FirstTradeId { get; set; }
        public long LastTradeId { get; set; }
        /// <summary>Continuous klines: PERPETUAL, CURRENT_QUARTER...</summary>
        public string? ContractType { get; set; }
        public string? Stream { get; set; }
    }

    /// <summary>An aggregate trade from a stream (&lt;symbol&gt;@aggTrade): the trade, its symbol and event time.</summary>
    public sealed class StreamAggregateTrade : AggregateTrade
    {
        public string? Symbol { get; set; }
        public DateTime EventTime { get; set; }
        public string? Stream { get; set; }
    }
}

namespace BinancePostman
{
    /// <summary>
    /// A trade from a stream (&lt;symbol&gt;@trade): the fields of a REST trade (Id, Price, Qty, Time, IsBuyerMaker,
    /// IsBestMatch) with its symbol and event time; times as Binance's milliseconds, as REST trades keep them (the view
    /// shows UTC).
    /// </summary>
    public sealed class StreamTrade
    {
        public string? Symbol { get; set; }
        public long Id { get; set; }
        public decimal Price { get; set; }
        public decimal Qty { get; set; }
        public long Time { get; set; }
        public bool IsBuyerMaker { get; set; }
        public bool? IsBestMatch { get; set; }
        public long EventTime { get; set; }
        public string? Stream { get; set; }
    }

    /// <summary>The best bid and ask from a stream (&lt;symbol&gt;@bookTicker): the REST book ticker's fields, with the update id (and on futures the event and transaction times, in ms).</summary>
    public sealed class StreamBookTicker
    {
        public string? Symbol { get; set; }
        public decimal BidPrice { get; set; }
        public decimal BidQty { get; set; }
        public decimal AskPrice { get; set; }
        public decimal AskQty { get; set; }
        public long UpdateId { get; set; }
        public long? EventTime { get; set; }
        public long? TransactionTime { get; set; }
        public string? Stream { get; set; }
    }
}

namespace BinancePostman
{
    /// <summary>One price level of an order book event: Price and Quantity (a quantity of 0 removes the level in a diff. depth update).</summary>
    public sealed class BookLevel
    {
        public BookLevel(decimal price, decimal quantity)
        {
            Price = price;
            Quantity = quantity;
        }

        public decimal Price { get; }
        public decimal Quantity { get; }

        public override string ToString() => Price.ToString(System.Globalization.CultureInfo.InvariantCulture) + " x " + Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A diff. depth event (&lt;symbol&gt;@depth): the levels that changed since the last one, between FirstUpdateId and FinalUpdateId (futures: PrevFinalUpdateId links events); times in ms.</summary>
    public sealed class StreamDepthUpdate
    {
        public string? Symbol { get; set; }
        public long EventTime { get; set; }
        public long? TransactionTime { get; set; }
        public long FirstUpdateId { get; set; }
        public long FinalUpdateId { get; set; }
        public long? PrevFinalUpdateId { get; set; }
        public BookLevel[] Bids { get; set; } = Array.Empty<BookLevel>();
        public BookLevel[] Asks { get; set; } = Array.Empty<BookLevel>();
        public string? Stream { get; set; }
    }

    /// <summary>A partial book (&lt;symbol&gt;@depth5, 10, 20): the top levels as of LastUpdateId; the symbol from the stream's name.</summary>
    public sealed class StreamOrderBook
    {
        public string? Symbol { get; set; }
        public long LastUpdateId { get; set; }
        public BookLevel[] Bids { get; set; } = Array.Empty<BookLevel>();
        public BookLevel[] Asks { get; set; } = Array.Empty<BookLevel>();
        public string? Stream { get; set; }
    }
}
