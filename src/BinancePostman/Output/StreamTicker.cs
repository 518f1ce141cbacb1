namespace BinancePostman
{
    /// <summary>
    /// A rolling 24-hour mini ticker from a stream (&lt;symbol&gt;@miniTicker, !miniTicker@arr): the REST ticker's prices
    /// and volumes with the symbol and event time (Binance's milliseconds, as REST keeps them; the view shows UTC).
    /// On Coin-M, Volume is in contracts and QuoteVolume in the base asset, and Pair is set.
    /// </summary>
    public class StreamMiniTicker
    {
        public string? Symbol { get; set; }
        public decimal LastPrice { get; set; }
        public decimal OpenPrice { get; set; }
        public decimal HighPrice { get; set; }
        public decimal LowPrice { get; set; }
        public decimal Volume { get; set; }
        public decimal QuoteVolume { get; set; }
        public long EventTime { get; set; }
        public string? Pair { get; set; }
        public string? Stream { get; set; }
    }

    /// <summary>
    /// A rolling 24-hour ticker from a stream (&lt;symbol&gt;@ticker, !ticker@arr): the mini ticker and the change, the
    /// last trade, the window (OpenTime, CloseTime in ms) and its trade ids. The best bid and ask and the previous close
    /// are sent on spot only; on futures they stay empty.
    /// </summary>
    public sealed class StreamTicker : StreamMiniTicker
    {
        public decimal PriceChange { get; set; }
        public decimal PriceChangePercent { get; set; }
        public decimal WeightedAvgPrice { get; set; }
        public decimal? PrevClosePrice { get; set; }
        public decimal LastQty { get; set; }
        public decimal? BidPrice { get; set; }
        public decimal? BidQty { get; set; }
        public decimal? AskPrice { get; set; }
        public decimal? AskQty { get; set; }
        public long OpenTime { get; set; }
        public long CloseTime { get; set; }
        public long FirstId { get; set; }
        public long LastId { get; set; }
        public long Count { get; set; }
    }
}
