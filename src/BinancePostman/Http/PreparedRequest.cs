using System.Collections.Generic;
using BinancePostman.Catalog;

namespace BinancePostman.Http
{
    /// <summary>
    /// A request ready to sign and send: where it goes and its parameters as formatted strings, in the order they
    /// will be sent. Nothing here is encoded or signed yet.
    /// </summary>
    public sealed class PreparedRequest
    {
        public PreparedRequest(string method, string baseUri, string path, SecurityType security,
            IReadOnlyList<KeyValuePair<string, string>> query, IReadOnlyList<KeyValuePair<string, string>> body,
            IReadOnlyList<HeaderEntry> headers, string? rawBody, string? rawBodyContentType, int weight = 1, bool weightKnown = false,
            BaseUriOrigin? origin = null, bool keyInTemplate = false)
        {
            Origin = origin ?? BaseUriOrigin.Unknown;
            KeyInTemplate = keyInTemplate;
            Weight = weight < 1 ? 1 : weight;
            WeightKnown = weightKnown;
            Method = method;
            BaseUri = baseUri.TrimEnd('/');
            Path = path;
            Security = security;
            Query = query;
            Body = body;
            Headers = headers;
            RawBody = rawBody;
            RawBodyContentType = rawBodyContentType;
        }

        /// <summary>A request without parameters or keys (the server time, exchangeInfo).</summary>
        public static PreparedRequest Public(string method, string baseUri, string path, int weight = 1) =>
            new PreparedRequest(method, baseUri, path, SecurityType.NONE, System.Array.Empty<KeyValuePair<string, string>>(),
                System.Array.Empty<KeyValuePair<string, string>>(), System.Array.Empty<HeaderEntry>(), null, null, weight, weightKnown: true);

        public string Method { get; }
        public string BaseUri { get; }
        /// <summary>Where BaseUri came from (the user, an environment, the collection): the host check names it.</summary>
        public BaseUriOrigin Origin { get; }
        /// <summary>Resolved path, path variables substituted and encoded.</summary>
        public string Path { get; }
        public SecurityType Security { get; }
        public bool IsSigned => Security.IsSigned();
        public bool NeedsApiKey => Security.NeedsApiKey();
        /// <summary>A header, the path or the raw body of the collection's request resolved a key-named variable ({{binance-api-key}}).</summary>
        public bool KeyInTemplate { get; }
        /// <summary>The request carries the API key, a signature, or a key the collection's template put in: the host check applies.</summary>
        public bool CarriesKey => NeedsApiKey || KeyInTemplate;
        public IReadOnlyList<KeyValuePair<string, string>> Query { get; }
        /// <summary>urlencoded body parameters (empty when everything goes in the query).</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Body { get; }
        public IReadOnlyList<HeaderEntry> Headers { get; }
        public string? RawBody { get; }
        public string? RawBodyContentType { get; }
        /// <summary>The request weight the endpoint states (1 when it states none): what it costs of the rate limit.</summary>
        public int Weight { get; }
        /// <summary>True when Weight comes from a weight rule the module read (the bundled collections state Binance's documented
        /// weights that way); false when it is a guess: a free-text description's first number, or 1 for want of any.</summary>
        public bool WeightKnown { get; }

        /// <summary>Where the module's own timestamp goes: with the body when the request has a form body, else the query.</summary>
        public bool ParametersInBody => Body.Count > 0 || SendsFormBody;

        /// <summary>
        /// A request that changes state (anything but GET and HEAD, unless it has a raw body of its own) sends all its
        /// parameters in an application/x-www-form-urlencoded body, even an empty one, as Binance accepts for POST, PUT
        /// and DELETE. A request with content is never re-sent by the HTTP stack once it has started to go out, whereas a
        /// bodiless one is, when a kept-alive connection closes before any answer byte (dotnet/runtime#86714).
        /// </summary>
        public bool SendsFormBody => RawBody == null && !RetryPolicy.IsRead(Method);

        /// <summary>The host, for per-host state (clock offsets, weights).</summary>
        public string Host => new System.Uri(BaseUri).Authority;

        /// <summary>The same request with one parameter set (where it already travels, else with the others) and some removed.</summary>
        public PreparedRequest With(string name, string value, IEnumerable<string>? remove = null)
        {
            var drop = new HashSet<string>(remove ?? System.Array.Empty<string>(), System.StringComparer.Ordinal) { name };
            var query = new List<KeyValuePair<string, string>>();
            var body = new List<KeyValuePair<string, string>>();
            foreach (var p in Query) if (!drop.Contains(p.Key)) query.Add(p);
            foreach (var p in Body) if (!drop.Contains(p.Key)) body.Add(p);
            (body.Count > 0 ? body : query).Add(new KeyValuePair<string, string>(name, value));
            return new PreparedRequest(Method, BaseUri, Path, Security, query, body, Headers, RawBody, RawBodyContentType, Weight, WeightKnown, Origin, KeyInTemplate);
        }

        /// <summary>The value of a parameter the request carries, from the query or the body.</summary>
        public string? Find(string name)
        {
            foreach (var p in Query) if (p.Key == name) return p.Value;
            foreach (var p in Body) if (p.Key == name) return p.Value;
            return null;
        }
    }
}
