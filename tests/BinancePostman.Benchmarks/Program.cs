using System.Threading.Tasks;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace BinancePostman.Benchmarks
{
    public static class Program
    {
        /// <summary>
        /// `requests [count] [row]` runs the request harness (one row of it when given); `streams [count] [stream]` the stream throughput harness; `requests-pieces` times the module's own
        /// work per request without network or runspace; `quick [runs]` times the conversion methods with a stopwatch
        /// (for development, not for figures); `pscost` times PowerShell's own object building; `profile [runs]` splits the exchangeInfo conversion's time; anything else goes to
        /// BenchmarkDotNet (e.g. --filter '*'), in process unless a toolchain is given.
        /// </summary>
        public static async Task Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "requests")
            {
                await RequestHarness.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 2000, args.Length > 2 ? int.Parse(args[2]) : (int?)null);
                return;
            }
            if (args.Length > 0 && args[0] == "streams")
            {
                await StreamThroughput.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 200000, args.Length > 2 ? args[2] : "btcusdt@trade");
                return;
            }
            if (args.Length > 0 && args[0] == "requests-pieces")
            {
                RequestPieces.Run(args.Length > 1 ? int.Parse(args[1]) : 20000);
                return;
            }
            if (args.Length > 0 && args[0] == "pscost")
            {
                PSObjectCost.Run();
                return;
            }
            if (args.Length > 0 && args[0] == "profile")
            {
                ConversionProfile.Run(args.Length > 1 ? int.Parse(args[1]) : 20);
                return;
            }
            if (args.Length > 0 && args[0] == "quick")
            {
                ConversionBenchmark.Quick(args.Length > 1 ? int.Parse(args[1]) : 30);
                return;
            }
            // in process by default: BenchmarkDotNet's own copy of the project cannot run the module's help build step
            bool toolchainGiven = args.Any(a => a == "--inProcess" || a == "-i" || a == "--runtimes" || a == "-r");
            IConfig? config = toolchainGiven ? null
                : DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        }
    }
}
