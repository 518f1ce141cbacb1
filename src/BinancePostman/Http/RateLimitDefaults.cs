using System.Collections.Generic;

namespace BinancePostman.Http
{
    /// <summary>
    /// Binance's documented default limits per API, used until an exchangeInfo reply from the host says otherwise.
    /// Sources are listed in collections/source/SOURCES.md ("Rate limits"):
    /// Spot (/api): 6,000 weight a minute per IP, 100 orders per 10 s and 200,000 a day per account, and 300,000 raw
    /// requests per 5 minutes since 2026-04-02 (spot CHANGELOG 2026-03-27; 61,000 before). Since the same day a
    /// successful order placement or cancel weighs 0 (only failed ones are charged): the module still reserves the
    /// documented weight, which errs on the safe side. /sapi: 12,000 IP weight and 180,000 UID weight a minute.
    /// USDs-M (/fapi): 2,400 weight a minute, 1,200 orders a minute and 300 per 10 s. Coin-M (/dapi): 2,400 weight and
    /// 1,200 orders a minute. Options (/eapi): 400 weight a minute, 100 orders per 10 s and 1,200 a minute (the lowest
    /// published figures: waiting a little early beats a ban). Portfolio margin (/papi): 6,000 weight and 1,200 orders a
    /// minute. Alpha (/bapi on www.binance.com) publishes no limits: no budget, the usage headers still count.
    /// </summary>
    public static class RateLimitDefaults
    {
        /// <summary>The budget a path draws on: its first segment (api, sapi, fapi, dapi, eapi, papi), else "other".</summary>
        public static string PoolOf(string path)
        {
            string first = Catalog.ApiFamilies.ApiSegment(path);
            switch (first)
            {
                case "api":
                case "sapi":
                case "fapi":
                case "dapi":
                case "eapi":
                case "papi":
                    return first;
                case "futures":
                    return "fapi";
                default:
                    return "other";
            }
        }

        public static IReadOnlyList<RateLimitRule> For(string pool)
        {
            switch (pool)
            {
                case "api":
                    return new[]
                    {
                        Rule(RateLimitKind.Weight, 1, 'M', 6000),
                        Rule(RateLimitKind.Orders, 10, 'S', 100),
                        Rule(RateLimitKind.Orders, 1, 'D', 200000),
                        Rule(RateLimitKind.RawRequests, 5, 'M', 300000),
                    };
                case "sapi":
                    return new[] { Rule(RateLimitKind.Weight, 1, 'M', 12000), Rule(RateLimitKind.UidWeight, 1, 'M', 180000) };
                case "fapi":
                    return new[] { Rule(RateLimitKind.Weight, 1, 'M', 2400), Rule(RateLimitKind.Orders, 1, 'M', 1200), Rule(RateLimitKind.Orders, 10, 'S', 300) };
                case "dapi":
                    return new[] { Rule(RateLimitKind.Weight, 1, 'M', 2400), Rule(RateLimitKind.Orders, 1, 'M', 1200) };
                case "eapi":
                    return new[] { Rule(RateLimitKind.Weight, 1, 'M', 400), Rule(RateLimitKind.Orders, 10, 'S', 100), Rule(RateLimitKind.Orders, 1, 'M', 1200) };
                case "papi":
                    return new[] { Rule(RateLimitKind.Weight, 1, 'M', 6000), Rule(RateLimitKind.Orders, 1, 'M', 1200) };
                default:
                    return System.Array.Empty<RateLimitRule>();
            }
        }

        private static RateLimitRule Rule(RateLimitKind kind, int n, char unit, long limit) => new RateLimitRule(kind, new RateInterval(n, unit), limit);
    }
}
