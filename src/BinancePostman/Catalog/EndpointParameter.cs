namespace BinancePostman.Catalog
{
    /// <summary>One parameter of an endpoint as the collection declares it. The example is never sent implicitly.</summary>
    public sealed class EndpointParameter
    {
        public EndpointParameter(string name, bool required, string? example, string? description, ParameterLocation location)
        {
            Name = name;
            Required = required;
            Example = example;
            Description = description;
            Location = location;
        }

        public string Name { get; }
        public bool Required { get; }
        public string? Example { get; }
        public string? Description { get; }
        public ParameterLocation Location { get; }

        public override string ToString() => Required ? Name : "[" + Name + "]";
    }
}
