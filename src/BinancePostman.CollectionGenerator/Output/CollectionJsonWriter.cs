using BinancePostman.Catalog;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using BinancePostman.CollectionGenerator.Source;

namespace BinancePostman.CollectionGenerator.Output
{
    /// <summary>Turns a collection source into a Postman v2.1 collection.</summary>
    public static class CollectionJsonWriter
    {
        public const string SchemaUrl = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

        public static string Write(CollectionSource collection, ParameterGlossary glossary, string preRequestScript) => JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteStartObject("info");
            json.WriteString("_postman_id", NameBasedGuid.Create("collection:" + collection.Name).ToString());
            json.WriteString("name", collection.Name);
            json.WriteString("description", collection.About);
            json.WriteString("schema", SchemaUrl);
            json.WriteEndObject();

            json.WriteStartArray("item");
            WriteItems(json, collection.Root, collection.Examples, glossary);
            json.WriteEndArray();

            json.WriteStartArray("event");
            json.WriteStartObject();
            json.WriteString("listen", "prerequest");
            json.WriteStartObject("script");
            json.WriteString("type", "text/javascript");
            json.WriteStartArray("exec");
            foreach (string line in ScriptLines(preRequestScript)) json.WriteStringValue(line);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });

        private static void WriteItems(Utf8JsonWriter json, FolderSource folder, IReadOnlyDictionary<string, string> examples, ParameterGlossary glossary)
        {
            foreach (var item in folder.Items)
            {
                if (item is FolderSource sub)
                {
                    json.WriteStartObject();
                    json.WriteString("name", sub.Name);
                    json.WriteStartArray("item");
                    WriteItems(json, sub, examples, glossary);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                else WriteRequest(json, (RequestSource)item, examples, glossary);
            }
        }

        private static void WriteRequest(Utf8JsonWriter json, RequestSource request, IReadOnlyDictionary<string, string> examples, ParameterGlossary glossary)
        {
            var query = QueryEntries.For(request, examples, glossary);
            json.WriteStartObject();
            json.WriteString("name", request.Name);
            json.WriteStartObject("request");
            json.WriteString("method", request.Method);

            json.WriteStartArray("header");
            if (request.Security.NeedsApiKey())
            {
                json.WriteStartObject();
                json.WriteString("key", "X-MBX-APIKEY");
                json.WriteString("value", "{{binance-api-key}}");
                json.WriteString("type", "text");
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartObject("url");
            json.WriteString("raw", RawUrl(request.Path, query));
            json.WriteStartArray("host");
            json.WriteStringValue("{{url}}");
            json.WriteEndArray();
            json.WriteStartArray("path");
            foreach (string segment in request.Path.TrimStart('/').Split('/')) json.WriteStringValue(segment);
            json.WriteEndArray();
            if (query.Count > 0)
            {
                json.WriteStartArray("query");
                foreach (var entry in query)
                {
                    json.WriteStartObject();
                    json.WriteString("key", entry.Name);
                    json.WriteString("value", entry.Example ?? "");
                    if (entry.Description != null) json.WriteString("description", entry.Description);
                    if (!entry.Required) json.WriteBoolean("disabled", true);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();

            json.WriteString("description", Description(request));
            json.WriteEndObject();
            json.WriteStartArray("response");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static string RawUrl(string path, IReadOnlyList<ParameterSource> query)
        {
            var enabled = query.Where(p => p.Required).Select(p => p.Name + "=" + (p.Example ?? "")).ToList();
            return "{{url}}" + path + (enabled.Count > 0 ? "?" + string.Join("&", enabled) : "");
        }

        /// <summary>The status line first (so Postman users see it at once), then our text, then the weight line.</summary>
        private static string Description(RequestSource request)
        {
            string text = request.Status == null ? request.Description : request.Status.DescriptionLine + "\n\n" + request.Description;
            return request.Weight == null ? text : text + "\n\n" + request.Weight;
        }

        private static IEnumerable<string> ScriptLines(string script) =>
            script.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
    }
}
