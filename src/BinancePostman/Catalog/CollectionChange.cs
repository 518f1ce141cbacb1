namespace BinancePostman.Catalog
{
    /// <summary>How an endpoint differs between a reference set of collections and a newer (difference) one.</summary>
    public enum CollectionChange
    {
        /// <summary>Only in the difference set (new).</summary>
        Added,
        /// <summary>Only in the reference set (dropped).</summary>
        Removed,
        /// <summary>In both, with parameters added, removed, or required-ness changed.</summary>
        Changed,
        /// <summary>In both, the same parameters (written with -IncludeEqual only).</summary>
        Equal,
    }
}
