namespace BinancePostman.CollectionGenerator.Source
{
    /// <summary>Request weight: what Binance counts it against (IP or UID) and how much, e.g. "5" or "1 with symbol, 40 without".</summary>
    public sealed record Weight(string CountedPer, string Amount)
    {
        public override string ToString() => $"Weight({CountedPer}): {Amount}";
    }
}
