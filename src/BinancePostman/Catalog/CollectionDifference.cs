namespace BinancePostman.Catalog
{
    /// <summary>
    /// One endpoint that differs between two sets of collections, flat enough for Export-Csv and Group-Object:
    /// parameter lists are comma-separated text.
    /// </summary>
    public sealed class CollectionDifference
    {
        internal CollectionDifference(CollectionChange change, ApiFamily family, string method, string path,
            Endpoint? reference, Endpoint? difference, string added, string removed, string nowRequired, string nowOptional)
        {
            Change = change;
            Api = family.DisplayName();
            Method = method;
            Path = path;
            Endpoint shown = difference ?? reference!;
            Collection = shown.Collection;
            Name = shown.Name;
            ReferenceCollection = reference?.Collection;
            ReferenceName = reference?.Name;
            ParametersAdded = added;
            ParametersRemoved = removed;
            NowRequired = nowRequired;
            NowOptional = nowOptional;
            Status = (reference ?? difference!).Status;
        }

        public CollectionChange Change { get; }

        /// <summary>As Compare-Object writes it: "=&gt;" only in the difference set, "&lt;=" only in the reference set,
        /// "&lt;&gt;" in both but changed, "==" equal.</summary>
        public string SideIndicator =>
            Change == CollectionChange.Added ? "=>" : Change == CollectionChange.Removed ? "<=" : Change == CollectionChange.Changed ? "<>" : "==";

        /// <summary>The API: Spot, USDs-M Futures, Coin-M Futures, European Options, Portfolio Margin, Alpha.</summary>
        public string Api { get; }
        public string Method { get; }
        public string Path { get; }
        /// <summary>The collection that holds it in the difference set, or in the reference set when it was removed.</summary>
        public string Collection { get; }
        public string Name { get; }
        public string? ReferenceCollection { get; }
        public string? ReferenceName { get; }
        /// <summary>Parameters only the difference set has, comma-separated.</summary>
        public string ParametersAdded { get; }
        /// <summary>Parameters only the reference set has, comma-separated.</summary>
        public string ParametersRemoved { get; }
        /// <summary>Parameters optional in the reference set and required in the difference set.</summary>
        public string NowRequired { get; }
        /// <summary>Parameters required in the reference set and optional in the difference set.</summary>
        public string NowOptional { get; }
        /// <summary>The endpoint's status as the reference set states it (the bundled collections know retired endpoints).</summary>
        public EndpointStatus Status { get; }

        /// <summary>The change in words, e.g. "added: fromId; now required: symbol".</summary>
        public string Details
        {
            get
            {
                var parts = new System.Collections.Generic.List<string>();
                if (ParametersAdded.Length > 0) parts.Add("added: " + ParametersAdded);
                if (ParametersRemoved.Length > 0) parts.Add("removed: " + ParametersRemoved);
                if (NowRequired.Length > 0) parts.Add("now required: " + NowRequired);
                if (NowOptional.Length > 0) parts.Add("now optional: " + NowOptional);
                return string.Join("; ", parts);
            }
        }

        public override string ToString() => $"{SideIndicator} {Method} {Path}";
    }
}
