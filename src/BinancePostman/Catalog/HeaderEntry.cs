namespace BinancePostman.Catalog
{
    /// <summary>A header the collection sets on a request (enabled ones only).</summary>
    public sealed class HeaderEntry
    {
        public HeaderEntry(string name, string value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; }
        public string Value { get; }

        public override string ToString() => Name + ": " + Value;
    }
}
