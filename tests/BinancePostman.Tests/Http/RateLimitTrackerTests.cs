using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using BinancePostman.Http;
using Xunit;

namespace BinancePostman.Tests.Http
{
    public class RateLimitTrackerTests
    {
        private long _now = 1_699_999_980_000; // on a whole minute
        private ServerClock Clock() => new ServerClock(() => _now);
        private static RateLimitTracker.Cost Cost(int weight = 1, bool order = false, string path = "/api/v3/klines") => new RateLimitTracker.Cost("h", path, "key-0123456789abcdef", weight, order);
        private static KeyValuePair<string, string> H(string name, string value) => new KeyValuePair<string, string>(name, value);

        [Theory]
        [InlineData("1M", 60_000)]
        [InlineData("10S", 10_000)]
        [InlineData("1s", 1_000)]
        [InlineData("5M", 300_000)]
        [InlineData("1H", 3_600_000)]
        [InlineData("1D", 86_400_000)]
        public void IntervalsParse(string text, long ms)
        {
            Assert.True(RateInterval.TryParse(text, out RateInterval interval));
            Assert.Equal(ms, interval.Milliseconds);
        }

        [Theory]
        [InlineData("")]
        [InlineData("M")]
        [InlineData("0S")]
        [InlineData("-1M")]
        [InlineData("1X")]
        [InlineData("99999999999M")]
        [InlineData("1.5M")]
        public void OddIntervalsAreRefused(string text) => Assert.False(RateInterval.TryParse(text, out _));

        [Fact]
        public void WindowsAlignToTheEpochLikeBinances()
        {
            var minute = new RateInterval(1, 'M');
            long t = 1_699_999_980_000 + 83_456; // 83.456 s after a whole minute
            Assert.Equal(1_700_000_040_000, minute.WindowStart(t));
            Assert.Equal(1_700_000_100_000, minute.WindowEnd(t));
            var ten = new RateInterval(10, 'S');
            Assert.Equal(1_700_000_060_000, ten.WindowStart(t));
            var day = new RateInterval(1, 'D');
            Assert.Equal(0, day.WindowStart(t) % 86_400_000);
        }

        [Fact]
        public void HeadersOfEveryKindAndIntervalAreRead()
        {
            var usage = RateLimitHeaders.Read(new[]
            {
                H("X-MBX-USED-WEIGHT-1M", "20"), H("x-mbx-used-weight-1s", "3"), H("X-MBX-ORDER-COUNT-10S", "2"), H("X-MBX-ORDER-COUNT-1D", "7"),
                H("X-SAPI-USED-IP-WEIGHT-1M", "100"), H("X-SAPI-USED-UID-WEIGHT-1M", "6000"), H("X-MBX-USED-WEIGHT-1H", "5, 9"), H("Content-Type", "x"),
            });
            Assert.Equal(7, usage.Count);
            Assert.Contains(usage, u => u.Kind == RateLimitKind.Weight && u.Interval.Milliseconds == 1000 && u.Used == 3);
            Assert.Contains(usage, u => u.Kind == RateLimitKind.Orders && u.Interval.Milliseconds == 86_400_000 && u.Used == 7);
            Assert.Contains(usage, u => u.Kind == RateLimitKind.UidWeight && u.Used == 6000);
            Assert.Contains(usage, u => u.Interval.Milliseconds == 3_600_000 && u.Used == 9);
        }

        [Fact]
        public void OddHeaderValuesAreSkipped()
        {
            var usage = RateLimitHeaders.Read(new[]
            {
                H("X-MBX-USED-WEIGHT-1M", "abc"), H("X-MBX-USED-WEIGHT-", "5"), H("X-MBX-USED-WEIGHT-0S", "1"), H("X-MBX-USED-WEIGHT-1X", "2"),
                H("X-MBX-USED-WEIGHT-1S", "99999999999999999999999"), H("X-MBX-ORDER-COUNT-10S", "-3"), H("X-MBX-USED-WEIGHT-1D", ""),
            });
            Assert.Empty(usage);
            Assert.Null(RateLimitHeaders.RetryAfter(new Dictionary<string, string> { ["Retry-After"] = "soon" }));
            Assert.Equal(TimeSpan.FromSeconds(3), RateLimitHeaders.RetryAfter(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["retry-after"] = "3" }));
        }

        [Fact]
        public void ExchangeInfoLimitsAreRead()
        {
            string json = "{\"timezone\":\"UTC\",\"serverTime\":1,\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":6000},"
                + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":100},{\"rateLimitType\":\"RAW_REQUESTS\",\"interval\":\"MINUTE\",\"intervalNum\":5,\"limit\":61000},"
                + "{\"rateLimitType\":\"NEW_THING\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":1}],\"symbols\":[]}";
            var rules = ExchangeInfoLimits.TryRead(Encoding.UTF8.GetBytes(json))!;
            Assert.Equal(3, rules.Count);
            Assert.Equal("Weight 6000/1M", rules[0].ToString());
            Assert.Equal("Orders 100/10S", rules[1].ToString());
            Assert.Equal("RawRequests 61000/5M", rules[2].ToString());
            Assert.Null(ExchangeInfoLimits.TryRead(Encoding.UTF8.GetBytes("{\"symbols\":[]}")));
            Assert.Null(ExchangeInfoLimits.TryRead(Encoding.UTF8.GetBytes("<html>")));
        }

        [Fact]
        public void DefaultsFollowTheApi()
        {
            Assert.Contains(RateLimitDefaults.For(RateLimitDefaults.PoolOf("/api/v3/order")), r => r.Kind == RateLimitKind.Weight && r.Limit == 6000);
            Assert.Contains(RateLimitDefaults.For(RateLimitDefaults.PoolOf("/fapi/v1/order")), r => r.Kind == RateLimitKind.Weight && r.Limit == 2400);
            Assert.Contains(RateLimitDefaults.For(RateLimitDefaults.PoolOf("/fapi/v1/order")), r => r.Kind == RateLimitKind.Orders && r.Interval.Milliseconds == 10_000 && r.Limit == 300);
            Assert.Contains(RateLimitDefaults.For(RateLimitDefaults.PoolOf("/dapi/v1/order")), r => r.Kind == RateLimitKind.Orders && r.Limit == 1200);
            Assert.Contains(RateLimitDefaults.For(RateLimitDefaults.PoolOf("/sapi/v1/capital/config/getall")), r => r.Kind == RateLimitKind.Weight && r.Limit == 12000);
            Assert.NotEmpty(RateLimitDefaults.For(RateLimitDefaults.PoolOf("/eapi/v1/order")));
        }

        [Fact]
        public void ARequestThatWouldCrossTheLimitWaitsForTheWindowToRollOver()
        {
            var tracker = new RateLimitTracker(Clock());
            tracker.Learn("h", "/api/v3/x", new[] { new RateLimitRule(RateLimitKind.Weight, new RateInterval(1, 'M'), 10) });
            for (int i = 0; i < 5; i++) tracker.Complete(tracker.Admit(Cost(2)).Reservation!, null);
            _now += 25_000;
            var admission = tracker.Admit(Cost(2));
            Assert.Null(admission.Reservation);
            Assert.InRange(admission.Wait.TotalMilliseconds, 35_000, 36_100); // to the minute's end, plus a small margin
            Assert.Contains("10 of 10", admission.Reason);
            _now += (long)admission.Wait.TotalMilliseconds;
            Assert.NotNull(tracker.Admit(Cost(2)).Reservation);
        }

        [Fact]
        public void HeadersRaiseTheLocalCountAndShowInTheSnapshot()
        {
            var tracker = new RateLimitTracker(Clock());
            var r = tracker.Admit(Cost(1)).Reservation!;
            tracker.Complete(r, new[] { H("X-MBX-USED-WEIGHT-1M", "5990") });
            var row = tracker.Snapshot().Single(u => u.Kind == "Weight" && u.Interval == "1M");
            Assert.Equal(5990, row.Used);
            Assert.Equal(6000, row.Limit);
            Assert.Equal("default", row.Source);
            Assert.Equal(DateTimeKind.Utc, row.ResetsAt.Kind);
            Assert.Null(tracker.Admit(Cost(20)).Reservation);
        }

        [Fact]
        public void OrdersCountPerKeyAndWeightPerHost()
        {
            var tracker = new RateLimitTracker(Clock());
            tracker.Learn("h", "/api/v3/order", new[] { new RateLimitRule(RateLimitKind.Orders, new RateInterval(10, 'S'), 2), new RateLimitRule(RateLimitKind.Weight, new RateInterval(1, 'M'), 1000) });
            Assert.NotNull(tracker.Admit(Cost(1, order: true, path: "/api/v3/order")).Reservation);
            Assert.NotNull(tracker.Admit(Cost(1, order: true, path: "/api/v3/order")).Reservation);
            Assert.Null(tracker.Admit(Cost(1, order: true, path: "/api/v3/order")).Reservation);
            Assert.NotNull(tracker.Admit(new RateLimitTracker.Cost("h", "/api/v3/order", "another-key-000000000", 1, true)).Reservation);
            Assert.NotNull(tracker.Admit(Cost(1, order: false, path: "/api/v3/order")).Reservation); // a query is no order
            var orders = tracker.Snapshot().Where(u => u.Kind == "Orders").ToList();
            Assert.Equal(2, orders.Count);
            Assert.All(orders, o => Assert.DoesNotContain("0123456789", o.Key));
        }

        [Fact]
        public void ARequestInFlightAtTheBoundaryCountsInTheNextWindow()
        {
            var tracker = new RateLimitTracker(Clock());
            tracker.Learn("h", "/api/v3/x", new[] { new RateLimitRule(RateLimitKind.Weight, new RateInterval(1, 'S'), 10) });
            var slow = tracker.Admit(Cost(4)).Reservation!;
            _now += 1_100; // the next window: the slow request may arrive in it
            Assert.NotNull(tracker.Admit(Cost(6)).Reservation);
            Assert.Null(tracker.Admit(Cost(1)).Reservation);
            tracker.Complete(slow, null);
        }

        [Fact]
        public void UnderstatedWeightsAreScaledUpFromTheHeaders()
        {
            var tracker = new RateLimitTracker(Clock());
            tracker.Learn("h", "/api/v3/x", new[] { new RateLimitRule(RateLimitKind.Weight, new RateInterval(1, 'M'), 100) });
            for (int i = 1; i <= 5; i++) tracker.Complete(tracker.Admit(Cost(1)).Reservation!, new[] { H("X-MBX-USED-WEIGHT-1M", (i * 5).ToString()) });
            // the exchange counts 5 for what the collection calls 1: 15 more fit, not 75
            int admitted = 0;
            while (tracker.Admit(Cost(1)).Reservation != null) admitted++;
            Assert.InRange(admitted, 10, 16);
        }

        [Fact]
        public void DocumentedWeightsAreNotScaledByOtherTrafficInTheHeaders()
        {
            var tracker = new RateLimitTracker(Clock());
            tracker.Learn("h", "/api/v3/x", new[] { new RateLimitRule(RateLimitKind.Weight, new RateInterval(1, 'M'), 100) });
            RateLimitTracker.Cost Known() => new RateLimitTracker.Cost("h", "/api/v3/klines", null, 1, false, weightKnown: true);
            // another program on the IP used 20: the headers say so, but each of our requests still weighs what Binance documents
            for (int i = 1; i <= 5; i++) tracker.Complete(tracker.Admit(Known()).Reservation!, new[] { H("X-MBX-USED-WEIGHT-1M", (20 + i).ToString()) });
            int admitted = 0;
            while (tracker.Admit(Known()).Reservation != null) admitted++;
            Assert.Equal(75, admitted);
        }

        [Fact]
        public void A429PausesTheHostAndABanStopsIt()
        {
            var tracker = new RateLimitTracker(Clock());
            tracker.CoolDown("h", TimeSpan.FromSeconds(2));
            var admission = tracker.Admit(Cost());
            Assert.Null(admission.Reservation);
            Assert.Equal(2000, admission.Wait.TotalMilliseconds);
            Assert.NotNull(tracker.Admit(new RateLimitTracker.Cost("other", "/api/v3/x", null, 1, false)).Reservation);
            _now += 2000;
            Assert.NotNull(tracker.Admit(Cost()).Reservation);
            var until = DateTimeOffset.FromUnixTimeMilliseconds(_now + 120_000);
            tracker.Ban("h", until);
            Assert.Equal(until, tracker.Admit(Cost()).BannedUntil);
            Assert.Contains(tracker.Snapshot(), u => u.Kind == "IpBan" && u.Host == "h");
            _now += 120_001;
            Assert.Null(tracker.BannedUntil("h"));
            Assert.NotNull(tracker.Admit(Cost()).Reservation);
        }
    }
}
