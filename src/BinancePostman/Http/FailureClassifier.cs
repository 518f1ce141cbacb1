namespace BinancePostman.Http
{
    /// <summary>Which kind of failure a Binance code or a bare HTTP status is (Binance's error list and FAQ).</summary>
    public static class FailureClassifier
    {
        public static FailureKind ForCode(int code, int status)
        {
            switch (code)
            {
                case -2014: return FailureKind.ApiKey;
                case -2015:
                case -2008: return FailureKind.Permission;
                case -1022: return FailureKind.Signature;
                case -1021: return FailureKind.Clock;
                case -1003:
                case -1015: return FailureKind.RateLimit;
                case -1006:
                case -1007: return FailureKind.UnknownOutcome;
                case -1121:
                case -1013:
                case -1111:
                case -1112: return FailureKind.Parameter;
                case -2010:
                case -2011:
                case -2013:
                case -2021:
                case -2022: return FailureKind.Rejected;
            }
            if (code <= -1100 && code >= -1199) return FailureKind.Parameter;
            if (status == 429 || status == 418) return ForStatus(status);
            return status >= 500 ? FailureKind.ServerError : FailureKind.Other;
        }

        public static FailureKind ForStatus(int status)
        {
            switch (status)
            {
                case 401: return FailureKind.ApiKey;
                case 403: return FailureKind.Firewall;
                case 404: return FailureKind.NotFound;
                case 418: return FailureKind.IpBanned;
                case 429: return FailureKind.RateLimit;
                default: return status >= 500 ? FailureKind.ServerError : FailureKind.Other;
            }
        }
    }
}
