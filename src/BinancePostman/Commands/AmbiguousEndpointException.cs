using System;
using System.Collections.Generic;

namespace BinancePostman.Commands
{
    public sealed class AmbiguousEndpointException : ArgumentException
    {
        public AmbiguousEndpointException(string name, IReadOnlyList<string> collections)
            : base($"'{name}' is in several collections: {string.Join(", ", collections)}. Add -Collection, or write 'Collection\\{name}'.")
        {
            Collections = collections;
        }

        public IReadOnlyList<string> Collections { get; }
    }
}
