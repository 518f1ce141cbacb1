using BinancePostman.Catalog;
using System.Collections.Generic;

namespace BinancePostman.CollectionGenerator.Source
{
    /// <summary>One endpoint as written in the source.</summary>
    public sealed class RequestSource
    {
        public RequestSource(string method, string path, string baseName, SecurityType security, bool signed, Weight? weight, int line)
        {
            Method = method;
            Path = path;
            BaseName = baseName;
            Security = security;
            IsSigned = signed;
            Weight = weight;
            Line = line;
        }

        public string Method { get; }
        public string Path { get; }
        /// <summary>The name without the security suffix.</summary>
        public string BaseName { get; }
        public SecurityType Security { get; }
        /// <summary>True for the signed security types, and for keyed ones the source marks "signed" (Binance signs a few of those).</summary>
        public bool IsSigned { get; }
        public Weight? Weight { get; }
        public int Line { get; }
        public string Description { get; set; } = "";
        public List<ParameterSource> Parameters { get; } = new List<ParameterSource>();
        /// <summary>Retired or Deprecated, with what it rests on in a source comment; null for active endpoints.</summary>
        public StatusSource? Status { get; set; }

        /// <summary>The request name in Binance's style: base name, then the security suffix.</summary>
        public string Name => BaseName + Security.NameSuffix();
    }
}
