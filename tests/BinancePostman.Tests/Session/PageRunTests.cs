using System.Collections.Generic;
using System.Linq;
using BinancePostman.Catalog;
using BinancePostman.Http;
using BinancePostman.Session;
using Xunit;

namespace BinancePostman.Tests.Session
{
    /// <summary>-First and -Skip in paging decisions: how many rows each page asks for, and when paging stops.</summary>
    public class PageRunTests
    {
        private static PreparedRequest Klines(string path = "/api/v3/klines", params (string, string)[] extra) =>
            RequestBuilder.PrepareRaw("GET", "https://api.binance.com", path, SecurityType.NONE,
                new[] { ("symbol", "BTCUSDT"), ("interval", "1m"), ("startTime", "1704067200000") }.Concat(extra).Select(v => new KeyValuePair<string, string>(v.Item1, v.Item2)));

        /// <summary>Runs the pages as a full exchange would answer them: every page full, every row new; returns the limits asked for.</summary>
        private static List<string?> Limits(PageRun run, RowWindow rows, int maxPages = 10)
        {
            var limits = new List<string?>();
            long cursor = 1704067200000;
            while (run.Next is PreparedRequest page && limits.Count < maxPages)
            {
                string? limit = page.Find("limit");
                limits.Add(limit);
                int served = int.Parse(limit!), written = 0;
                for (int i = 0; i < served && !rows.Full; i++)
                    if (rows.Admit()) written++;
                cursor += served * 60_000L;
                run.Completed(served, served, written, cursor);
            }
            return limits;
        }

        [Fact]
        public void FirstStopsPagingOnceEnoughRowsAreWrittenAndTheLastPageAsksForTheRest()
        {
            var rows = new RowWindow(0, 2500);
            PageRun run = PageRun.Start(Klines(), rows)!;
            Assert.Equal(new[] { "1000", "1000", "500" }, Limits(run, rows));
            Assert.Equal(2500, run.Written);
            Assert.Null(run.Next);
        }

        [Fact]
        public void SkipCountsAcrossPages()
        {
            var rows = new RowWindow(1500, 10);
            PageRun run = PageRun.Start(Klines(), rows)!;
            Assert.Equal(new[] { "1000", "510" }, Limits(run, rows));
            Assert.Equal(10, run.Written);
            Assert.Equal(1510, run.Total);
        }

        [Fact]
        public void AGivenLimitIsThePageSizeAndFirstBelowItAsksForLess()
        {
            var rows = new RowWindow(0, 250);
            PageRun run = PageRun.Start(Klines(extra: ("limit", "100")), rows)!;
            Assert.Equal(new[] { "100", "100", "50" }, Limits(run, rows));
            var few = new RowWindow(0, 30);
            Assert.Equal(new[] { "30" }, Limits(PageRun.Start(Klines(extra: ("limit", "100")), few)!, few));
        }

        [Fact]
        public void FirstZeroReadsNoPage()
        {
            Assert.Null(PageRun.Start(Klines(), new RowWindow(0, 0))!.Next);
        }

        [Fact]
        public void WithoutFirstPagingGoesOnAsBefore()
        {
            var rows = new RowWindow(0, ulong.MaxValue);
            PageRun run = PageRun.Start(Klines(), rows)!;
            Assert.Equal(Enumerable.Repeat("1000", 4), Limits(run, rows, maxPages: 4));
            Assert.NotNull(run.Next);
        }

        [Fact]
        public void AShortReducedPageIsTheEndOfTheData()
        {
            var rows = new RowWindow(0, 1500);
            PageRun run = PageRun.Start(Klines(), rows)!;
            for (int i = 0; i < 1000; i++) rows.Admit();
            run.Completed(1000, 1000, 1000, 1704127140000);
            Assert.Equal("500", run.Next!.Find("limit"));
            for (int i = 0; i < 200; i++) rows.Admit();
            run.Completed(200, 200, 200, 1704139140000);
            Assert.Null(run.Next);
            Assert.Equal(1200, run.Written);
        }

        [Fact]
        public void CoinMKlineWindowsKeepTheirSize()
        {
            // a COIN-M window answers its most recent rows: a smaller limit would lose the window's first rows
            var rows = new RowWindow(0, 100);
            PageRun run = PageRun.Start(Klines("/dapi/v1/klines"), rows)!;
            Assert.Equal("1500", run.Next!.Find("limit"));
        }

        [Fact]
        public void TheWindowSkipsThenWritesThenIsFull()
        {
            var rows = new RowWindow(2, 3);
            Assert.Equal(5, rows.Wanted);
            bool[] admitted = Enumerable.Range(0, 7).Select(_ => rows.Admit()).ToArray();
            Assert.Equal(new[] { false, false, true, true, true, false, false }, admitted);
            Assert.True(rows.Full);
            Assert.Equal(0, rows.Wanted);
            Assert.Equal(int.MaxValue, new RowWindow(5, ulong.MaxValue).Wanted);
        }
    }
}
