using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BinancePostman.Output;
using Newtonsoft.Json.Linq;

namespace BinancePostman.Benchmarks
{
    /// <summary>
    /// Reply to PowerShell objects: the module's streaming converter against JsonDocument.Parse alone (the floor)
    /// and a Newtonsoft JToken-to-PSObject conversion (what ConvertFrom-Json does). Goals: 3x faster than
    /// Newtonsoft, within 2x of the floor.
    /// </summary>
    [MemoryDiagnoser]
    public class ConversionBenchmark
    {
        private byte[] _json = Array.Empty<byte>();

        [Params("klines-1000", "exchangeInfo-2MB")]
        public string Document { get; set; } = "";

        private (PSNoteProperty note, object? value)[][] _shapes = Array.Empty<(PSNoteProperty, object?)[]>();

        [GlobalSetup]
        public void Setup()
        {
            _json = Encoding.UTF8.GetBytes(Document == "klines-1000" ? Klines(1000) : ExchangeInfo(2_000_000));
            _shapes = ConversionProfile.Shapes(JsonToPSObject.Convert(_json, false));
        }

        /// <summary>
        /// No JSON: the document's PSObjects and note properties (its names, values and sizes) built with the
        /// cheapest public API, the sized constructor and Properties.Add(note, preValidated: true) with one note
        /// property per name: PowerShell's own
        /// share of any conversion to PSObjects. (The klines document has no JSON objects: nothing to build.)
        /// </summary>
        [Benchmark(Description = "PowerShell's own cost: the same PSObjects, no JSON")]
        public int PowerShellOnly() => ConversionProfile.Build(_shapes);

        [Benchmark(Baseline = true, Description = "JsonDocument.Parse (floor)")]
        public int Floor()
        {
            using JsonDocument doc = JsonDocument.Parse(_json);
            return doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement.GetArrayLength() : 1;
        }

        [Benchmark(Description = "BinancePostman streaming converter")]
        public int Module()
        {
            int n = 0;
            var streamer = new JsonValueStreamer(new MemoryStream(_json, false));
            foreach (object? value in streamer.Convert(new JsonToPSObject(false).ReadValue))
                if (value != null) n++;
            return n;
        }

        /// <summary>What Invoke-BinanceRequest emits for the endpoint: klines as Kline objects, the rest as plain JSON.</summary>
        [Benchmark(Description = "BinancePostman streaming converter, endpoint shape")]
        public int ModuleShaped()
        {
            int n = 0;
            var streamer = new JsonValueStreamer(new MemoryStream(_json, false));
            foreach (object? value in streamer.Convert(ResponseShapes.Reader(Document == "klines-1000" ? "/api/v3/klines" : "/api/v3/exchangeInfo", false)))
                if (value != null) n++;
            return n;
        }

        private int SkipOnly()
        {
            int n = 0;
            foreach (var v in new JsonValueStreamer(new MemoryStream(_json, false)).Values()) n++;
            return n;
        }

        private int Hashtable()
        {
            int n = 0;
            foreach (object? value in new JsonValueStreamer(new MemoryStream(_json, false)).Convert(new JsonToPSObject(true).ReadValue)) n++;
            return n;
        }

        /// <summary>A quick stopwatch run of the same methods while developing (`quick`): medians over many runs.</summary>
        public static void Quick(int runs)
        {
            foreach (string doc in new[] { "klines-1000", "exchangeInfo-2MB" })
            {
                var b = new ConversionBenchmark { Document = doc };
                b.Setup();
                foreach (var (name, run) in new (string, Func<int>)[] { ("floor", b.Floor), ("skip", b.SkipOnly), ("hashtable", b.Hashtable), ("module", b.Module), ("shaped", b.ModuleShaped), ("newtonsoft", b.Newtonsoft) })
                {
                    for (int i = 0; i < 5; i++) run();
                    var times = new List<double>();
                    for (int i = 0; i < runs; i++)
                    {
                        var watch = System.Diagnostics.Stopwatch.StartNew();
                        run();
                        times.Add(watch.Elapsed.TotalMilliseconds);
                    }
                    times.Sort();
                    Console.WriteLine($"{doc,-18} {name,-12} {times[times.Count / 2],8:0.000} ms");
                }
            }
        }

        [Benchmark(Description = "Newtonsoft JToken to PSObject (ConvertFrom-Json's way)")]
        public int Newtonsoft()
        {
            JToken root = JToken.Parse(Encoding.UTF8.GetString(_json));
            object? converted = ToPS(root);
            return converted is object[] a ? a.Length : 1;
        }

        private static object? ToPS(JToken token)
        {
            switch (token)
            {
                case JObject o:
                    var obj = new PSObject();
                    foreach (JProperty p in o.Properties()) obj.Properties.Add(new PSNoteProperty(p.Name, ToPS(p.Value)));
                    return obj;
                case JArray a:
                    return a.Select(ToPS).ToArray();
                case JValue v:
                    return v.Value;
                default:
                    return null;
            }
        }

        internal static string Klines(int rows)
        {
            var sb = new StringBuilder("[");
            for (int i = 0; i < rows; i++)
            {
                long open = 1609459200000L + i * 60000L;
                string p = (20000m + i * 0.25m).ToString("0.00000000", CultureInfo.InvariantCulture);
                if (i > 0) sb.Append(',');
                sb.Append($"[{open},\"{p}\",\"{p}\",\"{p}\",\"{p}\",\"12.34500000\",{open + 59999},\"246900.12345678\",{100 + i},\"6.17250000\",\"123450.06172839\",\"0\"]");
            }
            return sb.Append(']').ToString();
        }

        internal static string ExchangeInfo(int approximateBytes)
        {
            var sb = new StringBuilder("{\"timezone\":\"UTC\",\"serverTime\":1700000000000,\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":6000}],\"symbols\":[");
            for (int i = 0; sb.Length < approximateBytes; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append($"{{\"symbol\":\"SYM{i}USDT\",\"status\":\"TRADING\",\"baseAsset\":\"SYM{i}\",\"baseAssetPrecision\":8,\"quoteAsset\":\"USDT\",\"quotePrecision\":8,\"orderTypes\":[\"LIMIT\",\"LIMIT_MAKER\",\"MARKET\",\"STOP_LOSS_LIMIT\",\"TAKE_PROFIT_LIMIT\"],\"icebergAllowed\":true,\"ocoAllowed\":true,\"isSpotTradingAllowed\":true,\"filters\":[{{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0.01000000\",\"maxPrice\":\"1000000.00000000\",\"tickSize\":\"0.01000000\"}},{{\"filterType\":\"LOT_SIZE\",\"minQty\":\"0.00001000\",\"maxQty\":\"9000.00000000\",\"stepSize\":\"0.00001000\"}},{{\"filterType\":\"NOTIONAL\",\"minNotional\":\"5.00000000\",\"applyMinToMarket\":true,\"maxNotional\":\"9000000.00000000\",\"avgPriceMins\":5}}],\"permissions\":[],\"defaultSelfTradePreventionMode\":\"EXPIRE_MAKER\"}}");
            }
            return sb.Append("]}").ToString();
        }
    }
}
namespace BinancePostman.Benchmarks
{
    /// <summary>`pscost`: what PowerShell's own object building costs, without any JSON (12k objects of 7 note properties).</summary>
    internal static class PSObjectCost
    {
        public static void Run()
        {
            string[] names = Enumerable.Range(0, 7).Select(i => "name" + i).ToArray();
            var sized = typeof(PSObject).GetConstructor(new[] { typeof(int) });
            for (int round = 0; round < 6; round++)
            {
                var w = System.Diagnostics.Stopwatch.StartNew();
                for (int o = 0; o < 12000; o++)
                {
                    var props = new PSObject().Properties;
                    foreach (string n in names) props.Add(new PSNoteProperty(n, "x"), true);
                }
                double plain = w.Elapsed.TotalMilliseconds;
                w.Restart();
                for (int o = 0; o < 12000; o++)
                {
                    var props = ((PSObject)sized!.Invoke(new object[] { 7 })).Properties;
                    foreach (string n in names) props.Add(new PSNoteProperty(n, "x"), true);
                }
                double withCapacity = w.Elapsed.TotalMilliseconds;
                w.Restart();
                for (int o = 0; o < 12000; o++)
                {
                    var obj = new PSObject();
                    foreach (string n in names) new PSNoteProperty(n, "x");
                }
                Console.WriteLine($"12k objects x 7 note properties: new PSObject() {plain:0.0} ms, new PSObject(7) {withCapacity:0.0} ms, allocation only {w.Elapsed.TotalMilliseconds:0.0} ms");
            }
        }
    }
}
