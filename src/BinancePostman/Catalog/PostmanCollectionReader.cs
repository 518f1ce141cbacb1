using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace BinancePostman.Catalog
{
    /// <summary>
    /// Reads a Postman v2.0/v2.1 collection into endpoints. Scripts are noted, never run. A file is read whole
    /// before anything is returned, so a failure leaves nothing half-loaded.
    /// </summary>
    public static class PostmanCollectionReader
    {
        public static PostmanCollection ReadFile(string path)
        {
            using JsonDocument doc = JsonFile.Read(path);
            return Read(doc.RootElement, path);
        }

        public static PostmanCollection Parse(byte[] utf8Json, string? sourcePath = null)
        {
            using JsonDocument doc = JsonFile.Parse(utf8Json, sourcePath);
            return Read(doc.RootElement, sourcePath);
        }

        private static PostmanCollection Read(JsonElement root, string? path)
        {
            string schema = CheckShape(root, path);
            JsonElement info = root.GetProperty("info");
            string name = JsonValues.String(info, "name") ?? System.IO.Path.GetFileNameWithoutExtension(path) ?? "Collection";
            var variables = ReadVariables(root);
            bool hasScripts = HasScript(root);

            var collection = new PostmanCollection(name.Trim(), path, schema, JsonValues.Description(info), variables, hasScripts);
            var pending = new List<PendingEndpoint>();
            if (JsonValues.TryArray(root, "item", out JsonElement items))
                Walk(items, new List<string>(), pending, ref hasScripts);

            collection.HasScripts = hasScripts;
            collection.Family = MajorityFamily(pending);
            foreach (PendingEndpoint p in pending)
                collection.Add(p.Build(collection));
            return collection;
        }

        private static string CheckShape(JsonElement root, string? path)
        {
            if (root.ValueKind != JsonValueKind.Object)
                throw new CollectionLoadException(path, CollectionLoadError.NotACollection, "The file is JSON but not a Postman collection (the top level is not an object).");
            if (root.TryGetProperty("values", out _) && !root.TryGetProperty("item", out _))
                throw new CollectionLoadException(path, CollectionLoadError.EnvironmentGivenAsCollection,
                    "This is a Postman environment, not a collection.");
            if (!root.TryGetProperty("info", out JsonElement info) || info.ValueKind != JsonValueKind.Object)
            {
                if (root.TryGetProperty("requests", out _) || root.TryGetProperty("order", out _))
                    throw new CollectionLoadException(path, CollectionLoadError.PostmanV1Collection,
                        "This is a Postman v1 collection. Open it in Postman and export it as Collection v2.1.");
                throw new CollectionLoadException(path, CollectionLoadError.NotACollection,
                    "The file is JSON but not a Postman collection (it has no 'info' object). Export the collection from Postman as Collection v2.1.");
            }
            string schema = JsonValues.String(info, "schema") ?? "";
            if (schema.IndexOf("/collection/v2.1", StringComparison.OrdinalIgnoreCase) < 0
                && schema.IndexOf("/collection/v2.0", StringComparison.OrdinalIgnoreCase) < 0)
            {
                string shown = schema.Length == 0 ? "none" : "'" + schema + "'";
                throw new CollectionLoadException(path, CollectionLoadError.UnknownSchema,
                    "Unknown collection schema " + shown + ". Only Postman Collection v2.0 and v2.1 are supported: export it from Postman as Collection v2.1.");
            }
            return schema;
        }

        private static IReadOnlyDictionary<string, string> ReadVariables(JsonElement root)
        {
            var vars = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!JsonValues.TryArray(root, "variable", out JsonElement array)) return vars;
            foreach (JsonElement v in array.EnumerateArray())
            {
                string? key = JsonValues.String(v, "key") ?? JsonValues.String(v, "id");
                if (string.IsNullOrEmpty(key) || JsonValues.IsTrue(v, "disabled")) continue;
                vars[key!] = JsonValues.String(v, "value") ?? "";
            }
            return vars;
        }

        private static void Walk(JsonElement items, List<string> folders, List<PendingEndpoint> into, ref bool hasScripts)
        {
            foreach (JsonElement item in items.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object) continue;
                hasScripts |= HasScript(item);
                string name = (JsonValues.String(item, "name") ?? "").Trim();
                if (JsonValues.TryArray(item, "item", out JsonElement children))
                {
                    folders.Add(name);
                    Walk(children, folders, into, ref hasScripts);
                    folders.RemoveAt(folders.Count - 1);
                }
                else if (item.TryGetProperty("request", out JsonElement request))
                {
                    into.Add(RequestReader.Read(name, folders.ToArray(), request));
                }
            }
        }

        private static bool HasScript(JsonElement element)
        {
            if (!JsonValues.TryArray(element, "event", out JsonElement events)) return false;
            foreach (JsonElement e in events.EnumerateArray())
            {
                if (!e.TryGetProperty("script", out JsonElement script)) continue;
                if (!script.TryGetProperty("exec", out JsonElement exec)) continue;
                if (exec.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(exec.GetString())) return true;
                if (exec.ValueKind == JsonValueKind.Array && exec.EnumerateArray().Any(l => !string.IsNullOrWhiteSpace(JsonValues.AsString(l)))) return true;
            }
            return false;
        }

        private static ApiFamily MajorityFamily(List<PendingEndpoint> endpoints)
        {
            var best = endpoints.Select(e => e.PathFamily).Where(f => f != ApiFamily.Unknown)
                .GroupBy(f => f).OrderByDescending(g => g.Count()).FirstOrDefault();
            return best?.Key ?? ApiFamily.Unknown;
        }
    }
}
