using System;
using System.Collections.Generic;

namespace BinancePostman.Orders
{
    /// <summary>One symbol's trading rules from exchangeInfo: its status, order types, precisions and filters.</summary>
    public sealed class SymbolFilters
    {
        public SymbolFilters(string symbol, OrderApi api)
        {
            Symbol = symbol;
            Api = api;
        }

        public string Symbol { get; }
        public OrderApi Api { get; }
        /// <summary>TRADING, BREAK, HALT... (futures: also in contractStatus); null when the reply has none.</summary>
        public string? Status { get; internal set; }
        public string? BaseAsset { get; internal set; }
        public string? QuoteAsset { get; internal set; }
        /// <summary>The order types the symbol takes (empty when the reply does not say).</summary>
        public IReadOnlyList<string> OrderTypes { get; internal set; } = Array.Empty<string>();
        /// <summary>Spot's icebergAllowed; null when the reply does not say.</summary>
        public bool? IcebergAllowed { get; internal set; }

        /// <summary>Decimals a quantity may have (-1111 beyond): spot baseAssetPrecision, futures quantityPrecision.</summary>
        public int? QuantityPrecision { get; internal set; }
        /// <summary>Decimals a price may have: spot quoteAssetPrecision, futures pricePrecision.</summary>
        public int? PricePrecision { get; internal set; }
        /// <summary>Decimals a quoteOrderQty may have (spot quoteAssetPrecision).</summary>
        public int? QuoteQuantityPrecision { get; internal set; }

        public RangeFilter? Price { get; internal set; }
        public PercentPriceFilter? PercentPrice { get; internal set; }
        public PercentPriceBySideFilter? PercentPriceBySide { get; internal set; }
        public RangeFilter? LotSize { get; internal set; }
        public RangeFilter? MarketLotSize { get; internal set; }
        /// <summary>MIN_NOTIONAL (spot's older filter, or futures').</summary>
        public NotionalFilter? MinNotional { get; internal set; }
        /// <summary>NOTIONAL (spot).</summary>
        public NotionalFilter? Notional { get; internal set; }
        public CountFilter? IcebergParts { get; internal set; }
        public CountFilter? MaxNumOrders { get; internal set; }
        public CountFilter? MaxNumAlgoOrders { get; internal set; }
        public CountFilter? MaxNumIcebergOrders { get; internal set; }
        public decimal? MaxPosition { get; internal set; }
        public TrailingDeltaFilter? TrailingDelta { get; internal set; }

        /// <summary>Filter types the reply has that are not checked (MAX_NUM_ORDER_AMENDS, T_PLUS_SELL, new ones...).</summary>
        public IReadOnlyList<string> OtherFilters { get; internal set; } = Array.Empty<string>();
        /// <summary>Filters whose values could not be read: named so the check can say they were not checked.</summary>
        public IReadOnlyList<string> UnreadableFilters { get; internal set; } = Array.Empty<string>();

        /// <summary>Every filter type the reply has for the symbol, read or not.</summary>
        public IReadOnlyList<string> FilterTypes { get; internal set; } = Array.Empty<string>();

        /// <summary>The quantity grid for an order type: MARKET_LOT_SIZE's for market orders when it has a step, else LOT_SIZE's.</summary>
        internal decimal QuantityStep(bool market)
        {
            decimal lot = LotSize?.Step ?? 0m;
            decimal marketStep = market ? MarketLotSize?.Step ?? 0m : 0m;
            return Math.Max(lot, marketStep);
        }
    }
}
