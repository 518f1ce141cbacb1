namespace BinancePostman.Catalog
{
    /// <summary>Binance's networks: real money, the testnets, and the demo (paper trading) hosts.</summary>
    public enum BinanceNetwork
    {
        Production,
        Testnet,
        Demo,
    }
}
