using System;
using BinancePostman.Catalog;

namespace BinancePostman.Session
{
    /// <summary>Where one call asked to go: a base URI, a loaded environment by name, a network; each may be unset.</summary>
    public sealed class TargetOptions
    {
        public static TargetOptions None { get; } = new TargetOptions();

        public Uri? BaseUri { get; set; }
        public string? EnvironmentName { get; set; }
        public BinanceNetwork? Network { get; set; }
    }
}
