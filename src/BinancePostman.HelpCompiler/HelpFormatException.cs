using System;

namespace BinancePostman.HelpCompiler
{
    /// <summary>A help source that does not follow the format: names the file, the line and the heading it was under.</summary>
    public sealed class HelpFormatException : Exception
    {
        public HelpFormatException(string file, int line, string heading, string problem)
            : base($"{file}({line}): error BPHELP001: {problem} (under heading '{heading}')")
        {
            File = file;
            Line = line;
            Heading = heading;
            Problem = problem;
        }

        public string File { get; }
        public int Line { get; }
        public string Heading { get; }
        public string Problem { get; }
    }
}
