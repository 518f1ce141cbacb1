using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace BinancePostman.Tests.Collections
{
    /// <summary>Reads a Postman v2.1 collection file (ours or Binance's) into a flat list of requests.</summary>
    internal static class PostmanFile
    {
        public static (string Name, IReadOnlyList<PostmanRequest> Requests) Read(string file)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            var requests = new List<PostmanRequest>();
            Walk(root.GetProperty("item"), "", requests);
            return (root.GetProperty("info").GetProperty("name").GetString()!, requests);
        }

        private static void Walk(JsonElement items, string folder, List<PostmanRequest> into)
        {
            foreach (var item in items.EnumerateArray())
            {
                string name = item.GetProperty("name").GetString()!;
                if (item.TryGetProperty("item", out var children))
                {
                    Walk(children, folder.Length == 0 ? name : folder + " > " + name, into);
                    continue;
                }
                var request = item.GetProperty("request");
                var url = request.GetProperty("url");
                var query = url.TryGetProperty("query", out var q)
                    ? q.EnumerateArray().Select(e => new PostmanQueryEntry(
                        e.GetProperty("key").GetString()!,
                        e.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "",
                        e.TryGetProperty("disabled", out var d) && d.ValueKind == JsonValueKind.True)).ToList()
                    : new List<PostmanQueryEntry>();
                var headers = new Dictionary<string, string>();
                if (request.TryGetProperty("header", out var h))
                    foreach (var header in h.EnumerateArray())
                        headers[header.GetProperty("key").GetString()!] = header.GetProperty("value").GetString() ?? "";
                string description = request.TryGetProperty("description", out var desc) && desc.ValueKind == JsonValueKind.String ? desc.GetString()! : "";
                into.Add(new PostmanRequest(
                    folder,
                    name,
                    request.GetProperty("method").GetString()!,
                    "/" + string.Join("/", url.GetProperty("path").EnumerateArray().Select(s => s.GetString())),
                    url.TryGetProperty("raw", out var raw) ? raw.GetString()! : "",
                    url.TryGetProperty("host", out var host) ? host.EnumerateArray().Select(s => s.GetString()!).ToList() : new List<string>(),
                    query,
                    headers,
                    description));
            }
        }
    }
}
