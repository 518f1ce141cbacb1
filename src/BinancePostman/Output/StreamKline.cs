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
