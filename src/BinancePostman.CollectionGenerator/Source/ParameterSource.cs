namespace BinancePostman.CollectionGenerator.Source
{
    /// <summary>One query parameter of a request as written in the source.</summary>
    public sealed record ParameterSource(string Name, bool Required, string? Example, string? Description);
}
