namespace BinancePostman
{
    /// <summary>
    /// A rolling 24-hour mini ticker from a stream (&lt;symbol&gt;@miniTicker, !miniTicker@arr): the REST ticker's prices
    /// and volumes with the symbol and event time (Binance's milliseconds, as REST keeps them; the view shows UTC).
    /// On Coin-M, Volume is in contracts and QuoteVolume in the base asset, and Pair is set.
    /// </summary>
    public sealed class StreamMiniTicker
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
    /// A rolling 24-hour ticker from a stream (&lt;symbol&gt;@ticker, !ticker@arr): the REST 24-hour ticker's fields in its
    /// order (so Export-Csv columns match a REST ticker's), then the event time, Coin-M's pair and the stream. The previous
    /// close and the best bid and ask are sent on spot only; on futures they stay empty. Times in milliseconds.
    /// </summary>
    public sealed class StreamTicker
    {
        public string? Symbol { get; set; }
        public decimal PriceChange { get; set; }
        public decimal PriceChangePercent { get; set; }
        public decimal WeightedAvgPrice { get; set; }
        public decimal? PrevClosePrice { get; set; }
        public decimal LastPrice { get; set; }
        public decimal LastQty { get; set; }
        public decimal? BidPrice { get; set; }
        public decimal? BidQty { get; set; }
        public decimal? AskPrice { get; set; }
        public decimal? AskQty { get; set; }
        public decimal OpenPrice { get; set; }
        public decimal HighPrice { get; set; }
        public decimal LowPrice { get; set; }
        public decimal Volume { get; set; }
        public decimal QuoteVolume { get; set; }
        public long OpenTime { get; set; }
        public long CloseTime { get; set; }
        public long FirstId { get; set; }
        public long LastId { get; set; }
        public long Count { get; set; }
        public long EventTime { get; set; }
        public string? Pair { get; set; }
        public string? Stream { get; set; }

        /// <summary>The fields a mini ticker has.</summary>
        internal StreamMiniTicker ToMini() => new StreamMiniTicker
        {
            Symbol = Symbol, LastPrice = LastPrice, OpenPrice = OpenPrice, HighPrice = HighPrice, LowPrice = LowPrice,
            Volume = Volume, QuoteVolume = QuoteVolume, EventTime = EventTime, Pair = Pair, Stream = Stream,
        };
    }
}
