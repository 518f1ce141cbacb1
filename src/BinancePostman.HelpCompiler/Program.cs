using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace BinancePostman.HelpCompiler
{
    /// <summary>
    /// dotnet BinancePostman.HelpCompiler.dll --assembly out/BinancePostman/BinancePostman.dll --source src/BinancePostman/Help --out out/BinancePostman/en-US
    /// Errors and warnings are printed in MSBuild's canonical form, so the build shows them with file and line.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
            if (!options.TryGetValue("assembly", out string? assembly) || !options.TryGetValue("source", out string? source) || !options.TryGetValue("out", out string? output))
            {
                Console.Error.WriteLine("usage: BinancePostman.HelpCompiler --assembly <module.dll> --source <help folder> --out <culture folder>");
                return 2;
            }
            assembly = Path.GetFullPath(assembly);
            source = Path.GetFullPath(source);
            output = Path.GetFullPath(output);
            if (!File.Exists(assembly)) return Fail($"{assembly}: error BPHELP002: the module assembly does not exist; build src/BinancePostman first.");
            if (!Directory.Exists(source)) return Fail($"{source}: error BPHELP003: the help source folder does not exist.");

            HelpBuild build = HelpBuild.Run(source, CmdletReflector.Read(assembly), Path.GetFileName(assembly) + "-Help.xml");
            foreach (string warning in build.Warnings) Console.WriteLine(warning);
            if (build.Errors.Count > 0)
            {
                foreach (string error in build.Errors) Console.WriteLine(error);
                return 1;
            }
            Directory.CreateDirectory(output);
            foreach (var file in build.Files)
            {
                // help.txt with a BOM: Windows PowerShell 5.1 reads text without one as the ANSI code page
                Encoding encoding = file.Key.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? new UTF8Encoding(true) : new UTF8Encoding(false);
                File.WriteAllText(Path.Combine(output, file.Key), file.Value, encoding);
            }
            Console.WriteLine($"Help: {build.Files.Count} file(s) written to {output}");
            return 0;
        }

        private static int Fail(string message)
        {
            Console.WriteLine(message);
            return 1;
        }
    }
}
