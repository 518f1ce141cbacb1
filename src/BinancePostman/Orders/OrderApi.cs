namespace BinancePostman.Orders
{
    /// <summary>The trading APIs whose exchangeInfo carries symbol filters.</summary>
    public enum OrderApi
    {
        /// <summary>Spot (/api/v3): every filter type.</summary>
        Spot,
        /// <summary>USDs-M futures (/fapi/v1).</summary>
        UsdM,
        /// <summary>Coin-M futures (/dapi/v1): no notional filter.</summary>
        CoinM,
    }

    public enum OrderSide
    {
        Buy,
        Sell,
    }
}
