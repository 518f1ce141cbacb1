using System;
using System.Runtime.InteropServices;

namespace BinancePostman.Benchmarks
{
    /// <summary>
    /// The calling thread's CPU time (user + system), in microseconds: what a loop on the pipeline thread costs that
    /// thread, whatever else the machine is doing. Linux only (getrusage with RUSAGE_THREAD); elsewhere NaN.
    /// </summary>
    public static class ThreadCpu
    {
        private const int RusageThread = 1;

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeValue
        {
            public long Seconds;
            public long Microseconds;
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct ResourceUsage
        {
            public TimeValue User;
            public TimeValue System;
            [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
            public long[] Rest;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int getrusage(int who, out ResourceUsage usage);

        public static double Now()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return double.NaN;
            if (getrusage(RusageThread, out ResourceUsage u) != 0) return double.NaN;
            return (u.User.Seconds + u.System.Seconds) * 1e6 + u.User.Microseconds + u.System.Microseconds;
        }
    }
}
