using System;

namespace BinancePostman.Orders
{
    /// <summary>What an order type means for the filters, per Binance's spot and futures order types.</summary>
    public static class OrderTypes
    {
        /// <summary>MARKET_LOT_SIZE applies to market orders.</summary>
        public static bool IsMarket(string type) => type == "MARKET";

        /// <summary>
        /// Types counted by MAX_NUM_ALGO_ORDERS: spot's stop-loss and take-profit orders; futures' conditional orders.
        /// </summary>
        public static bool IsAlgo(string type, OrderApi api)
        {
            switch (type)
            {
                case "STOP_LOSS":
                case "STOP_LOSS_LIMIT":
                case "TAKE_PROFIT_LIMIT":
                    return api == OrderApi.Spot;
                case "TAKE_PROFIT":
                    return true;
                case "STOP":
                case "STOP_MARKET":
                case "TAKE_PROFIT_MARKET":
                case "TRAILING_STOP_MARKET":
                    return api != OrderApi.Spot;
                default:
                    return false;
            }
        }

        /// <summary>
        /// TRAILING_DELTA's side: true for the "above" bounds (stop-loss buys and take-profit sells trail a price
        /// above the market), false for "below", null for types that take no trailingDelta.
        /// </summary>
        public static bool? TrailsAbove(string type, OrderSide side)
        {
            bool stop = type == "STOP_LOSS" || type == "STOP_LOSS_LIMIT";
            bool takeProfit = type == "TAKE_PROFIT" || type == "TAKE_PROFIT_LIMIT";
            if (!stop && !takeProfit) return null;
            return stop ? side == OrderSide.Buy : side == OrderSide.Sell;
        }

        /// <summary>The statuses in which a symbol takes new orders.</summary>
        public static bool IsTrading(string status) => string.Equals(status, "TRADING", StringComparison.OrdinalIgnoreCase);
    }
}
