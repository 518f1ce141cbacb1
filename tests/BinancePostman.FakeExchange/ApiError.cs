using System;

namespace BinancePostman.FakeExchange
{
    /// <summary>An answer in Binance's error shape: HTTP status and {"code","msg"}.</summary>
    public sealed class ApiError : Exception
    {
        public ApiError(int status, int code, string message) : base(message)
        {
            Status = status;
            Code = code;
        }

        public int Status { get; }
        public int Code { get; }

        public static ApiError Mandatory(string name) => new ApiError(400, -1102, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");
        public static ApiError Empty(string name) => new ApiError(400, -1105, $"Parameter '{name}' was empty.");
        public static ApiError BadSignature() => new ApiError(400, -1022, "Signature for this request is not valid.");
        public static ApiError Timestamp() => new ApiError(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        public static ApiError KeyFormat() => new ApiError(401, -2014, "API-key format invalid.");
        public static ApiError KeyRejected() => new ApiError(401, -2015, "Invalid API-key, IP, or permissions for action.");
    }
}
