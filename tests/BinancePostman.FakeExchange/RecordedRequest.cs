namespace BinancePostman.FakeExchange
{
    /// <summary>One request as the exchange saw it, with how it answered.</summary>
    public sealed record RecordedRequest(string Method, string Path, string Query, string Body, string? ApiKey, long ServerTime, int Status, int? Code,
        string? ClientOrderId = null, string? Fault = null, bool Processed = false);
}
