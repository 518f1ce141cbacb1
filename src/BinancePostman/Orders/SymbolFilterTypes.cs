namespace BinancePostman.Orders
{
    /// <summary>
    /// A minimum, a maximum and a step (PRICE_FILTER, LOT_SIZE, MARKET_LOT_SIZE). Zero disables a part: Binance says
    /// so for PRICE_FILTER, and a zero step or maximum elsewhere (MARKET_LOT_SIZE often has stepSize 0) can mean
    /// nothing else. Spot's grid starts at zero (value % step); futures' at the minimum ((value - min) % step).
    /// </summary>
    public sealed class RangeFilter
    {
        public RangeFilter(string filterType, string minName, string maxName, string stepName, decimal min, decimal max, decimal step, bool gridFromMinimum)
        {
            FilterType = filterType;
            MinName = minName;
            MaxName = maxName;
            StepName = stepName;
            Min = DecimalGrid.Normalize(min);
            Max = DecimalGrid.Normalize(max);
            Step = DecimalGrid.Normalize(step);
            GridOrigin = gridFromMinimum && Min > 0m ? Min : 0m;
        }

        public string FilterType { get; }
        public string MinName { get; }
        public string MaxName { get; }
        public string StepName { get; }
        public decimal Min { get; }
        public decimal Max { get; }
        public decimal Step { get; }
        /// <summary>Where the grid of steps starts: 0 for spot, the minimum for futures.</summary>
        public decimal GridOrigin { get; }
        public bool HasMin => Min > 0m;
        public bool HasMax => Max > 0m;
        public bool HasStep => Step > 0m;

        public decimal Floor(decimal value) => DecimalGrid.FloorToStep(value, Step, GridOrigin);
        public decimal Ceil(decimal value) => DecimalGrid.CeilToStep(value, Step, GridOrigin);
        public bool IsOnStep(decimal value) => DecimalGrid.IsOnStep(value, Step, GridOrigin);
        public bool InRange(decimal value) => (!HasMin || value >= Min) && (!HasMax || value <= Max);
    }

    /// <summary>
    /// PERCENT_PRICE: the price within multipliers of a reference price. Spot: the weighted average price, both bounds
    /// for either side. Futures: the mark price, buy orders bounded above (multiplierUp), sell orders below (multiplierDown).
    /// </summary>
    public sealed class PercentPriceFilter
    {
        public PercentPriceFilter(decimal multiplierUp, decimal multiplierDown, int? averagePriceMinutes, bool boundBySide)
        {
            MultiplierUp = DecimalGrid.Normalize(multiplierUp);
            MultiplierDown = DecimalGrid.Normalize(multiplierDown);
            AveragePriceMinutes = averagePriceMinutes;
            BoundBySide = boundBySide;
        }

        public decimal MultiplierUp { get; }
        public decimal MultiplierDown { get; }
        public int? AveragePriceMinutes { get; }
        /// <summary>Futures: a buy is bounded only above, a sell only below.</summary>
        public bool BoundBySide { get; }
    }

    /// <summary>PERCENT_PRICE_BY_SIDE (spot): bid multipliers for buy orders, ask multipliers for sell orders.</summary>
    public sealed class PercentPriceBySideFilter
    {
        public PercentPriceBySideFilter(decimal bidUp, decimal bidDown, decimal askUp, decimal askDown, int? averagePriceMinutes)
        {
            BidMultiplierUp = DecimalGrid.Normalize(bidUp);
            BidMultiplierDown = DecimalGrid.Normalize(bidDown);
            AskMultiplierUp = DecimalGrid.Normalize(askUp);
            AskMultiplierDown = DecimalGrid.Normalize(askDown);
            AveragePriceMinutes = averagePriceMinutes;
        }

        public decimal BidMultiplierUp { get; }
        public decimal BidMultiplierDown { get; }
        public decimal AskMultiplierUp { get; }
        public decimal AskMultiplierDown { get; }
        public int? AveragePriceMinutes { get; }
    }

    /// <summary>
    /// The order's notional (price x quantity) within bounds: NOTIONAL (spot: minimum and maximum, each optionally for
    /// market orders), MIN_NOTIONAL (spot's older form: applyToMarket; futures: "notional", for every order).
    /// </summary>
    public sealed class NotionalFilter
    {
        public NotionalFilter(string filterType, string minName, decimal min, bool applyMinToMarket, decimal max, bool applyMaxToMarket, int? averagePriceMinutes)
        {
            FilterType = filterType;
            MinName = minName;
            Min = DecimalGrid.Normalize(min);
            ApplyMinToMarket = applyMinToMarket;
            Max = DecimalGrid.Normalize(max);
            ApplyMaxToMarket = applyMaxToMarket;
            AveragePriceMinutes = averagePriceMinutes;
        }

        public string FilterType { get; }
        public decimal Min { get; }
        public bool ApplyMinToMarket { get; }
        /// <summary>0 when the filter has no maximum.</summary>
        public decimal Max { get; }
        public bool ApplyMaxToMarket { get; }
        public int? AveragePriceMinutes { get; }
        public bool HasMin => Min > 0m;
        public bool HasMax => Max > 0m;
        /// <summary>The minimum's name in exchangeInfo: minNotional (spot), notional (futures).</summary>
        public string MinName { get; }
    }

    /// <summary>A limit on a count: ICEBERG_PARTS, MAX_NUM_ORDERS, MAX_NUM_ALGO_ORDERS, MAX_NUM_ICEBERG_ORDERS.</summary>
    public sealed class CountFilter
    {
        public CountFilter(string filterType, string limitName, long limit)
        {
            FilterType = filterType;
            LimitName = limitName;
            Limit = limit;
        }

        public string FilterType { get; }
        /// <summary>The field's name in exchangeInfo: maxNumOrders (spot), limit (futures, ICEBERG_PARTS).</summary>
        public string LimitName { get; }
        public long Limit { get; }
    }

    /// <summary>TRAILING_DELTA (spot): bounds of trailingDelta (basis points) for stop and take-profit orders.</summary>
    public sealed class TrailingDeltaFilter
    {
        public TrailingDeltaFilter(long minAbove, long maxAbove, long minBelow, long maxBelow)
        {
            MinAbove = minAbove;
            MaxAbove = maxAbove;
            MinBelow = minBelow;
            MaxBelow = maxBelow;
        }

        public long MinAbove { get; }
        public long MaxAbove { get; }
        public long MinBelow { get; }
        public long MaxBelow { get; }
    }
}
