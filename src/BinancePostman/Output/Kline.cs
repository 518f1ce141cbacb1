using System;

namespace BinancePostman
{
    /// <summary>
    /// One candle of any kline family (spot klines and uiKlines; futures klines, continuous, index price, mark price,
    /// premium index): times as UTC DateTime, prices and volumes as decimal. Its type name selects the table view.
    /// </summary>
    public class Kline
    {
        public DateTime OpenTime { get; set; }
        public decimal Open { get; set; }
        public decimal High { get; set; }
        public decimal Low { get; set; }
        public decimal Close { get; set; }
        public decimal Volume { get; set; }
        public DateTime CloseTime { get; set; }
        public decimal QuoteVolume { get; set; }
        public long Trades { get; set; }
        public decimal TakerBuyBaseVolume { get; set; }
        public decimal TakerBuyQuoteVolume { get; set; }

        /// <summary>The open time as Binance sent it (ms), for paging.</summary>
        internal long OpenTimeMs { get; set; }
    }

    /// <summary>An aggregate trade, Binance's one-letter keys given their long names.</summary>
    public class AggregateTrade
    {
        public long AggregateTradeId { get; set; }
        public decimal Price { get; set; }
        public decimal Quantity { get; set; }
        public long FirstTradeId { get; set; }
        public long LastTradeId { get; set; }
        public DateTime Time { get; set; }
        public bool IsBuyerMaker { get; set; }
        /// <summary>Spot only; futures replies have no "M".</summary>
        public bool? IsBestMatch { get; set; }
    }
}
