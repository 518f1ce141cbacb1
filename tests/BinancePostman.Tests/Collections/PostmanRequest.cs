using System.Collections.Generic;

namespace BinancePostman.Tests.Collections
{
    /// <summary>One query entry of a Postman request as the file states it.</summary>
    internal sealed record PostmanQueryEntry(string Key, string Value, bool Disabled);

    /// <summary>One request of a Postman v2.1 collection file, flattened out of its folders.</summary>
    internal sealed record PostmanRequest(
        string Folder,
        string Name,
        string Method,
        string Path,
        string Raw,
        IReadOnlyList<string> Host,
        IReadOnlyList<PostmanQueryEntry> Query,
        IReadOnlyDictionary<string, string> Headers,
        string Description)
    {
        public (string Method, string Path) Endpoint => (Method, Path);
    }
}
