namespace BinancePostman.FakeExchange
{
    /// <summary>
    /// One request as the exchange saw it, recorded when it arrives (so a test that reads the log right after its answer
    /// finds it), and completed with how it was answered before any answer byte leaves. Connection is the TCP
    /// connection's id, ConnectionUse the request's place on it (1: the connection's first request; more: a kept-alive
    /// connection reused).
    /// </summary>
    public sealed class RecordedRequest
    {
        public RecordedRequest(string method, string path, string query, string body, string? apiKey, long serverTime,
            string? clientOrderId, string? connection, int connectionUse)
        {
            Method = method;
            Path = path;
            Query = query;
            Body = body;
            ApiKey = apiKey;
            ServerTime = serverTime;
            ClientOrderId = clientOrderId;
            Connection = connection;
            ConnectionUse = connectionUse;
        }

        public string Method { get; }
        public string Path { get; }
        public string Query { get; }
        public string Body { get; }
        public string? ApiKey { get; }
        public long ServerTime { get; }
        public string? ClientOrderId { get; }
        public string? Connection { get; }
        public int ConnectionUse { get; }

        public int Status { get; set; } = 200;
        public int? Code { get; set; }
        public string? Fault { get; set; }
        /// <summary>The request was carried out (an order placed) whatever its answer was.</summary>
        public bool Processed { get; set; }
    }
}
