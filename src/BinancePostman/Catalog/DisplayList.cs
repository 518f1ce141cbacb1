using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace BinancePostman.Catalog
{
    /// <summary>A read-only list that prints as its items joined, so Export-Csv writes "symbol, [limit]" rather than a type name.</summary>
    public sealed class DisplayList<T> : ReadOnlyCollection<T>
    {
        public DisplayList(IList<T> items) : base(items) { }

        public override string ToString() => string.Join(", ", this);
    }
}
