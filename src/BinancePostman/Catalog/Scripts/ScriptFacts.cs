using System.Collections.Generic;

namespace BinancePostman.Catalog.Scripts
{
    /// <summary>Where a value made from a key went.</summary>
    internal enum SinkKind
    {
        /// <summary>pm.environment.set and the like: Target is the variable, Scope its store.</summary>
        Variable,
        /// <summary>A request header: Target is the header name, or "?" when it cannot be told.</summary>
        Header,
        Url,
        Body,
        /// <summary>Another part of the request (pm.request.method, pm.request.update...).</summary>
        Request,
        /// <summary>A request of the script's own: Via names it (pm.sendRequest, fetch, an image beacon...).</summary>
        OwnRequest,
        Console,
        /// <summary>A call or object the tracker cannot follow: Via names it.</summary>
        Unknown,
    }

    internal sealed class Flow
    {
        public Flow(int line, SinkKind sink, Taint taint, string? scope = null, string? target = null, string? via = null)
        {
            Line = line;
            Sink = sink;
            Taint = taint;
            Scope = scope;
            Target = target;
            Via = via;
        }

        public int Line { get; }
        public SinkKind Sink { get; }
        public Taint Taint { get; }
        public string? Scope { get; }
        public string? Target { get; }
        public string? Via { get; }
    }

    /// <summary>What the tracker found in one script: flows of keys, and what the script does besides.</summary>
    internal sealed class ScriptFacts
    {
        public List<Flow> Flows { get; } = new List<Flow>();
        /// <summary>Requests of the script's own (by line, the API's name).</summary>
        public List<(int line, string api)> OwnRequests { get; } = new List<(int, string)>();
        /// <summary>eval, new Function, timers given text, .constructor calls.</summary>
        public List<(int line, string api)> CodeFromText { get; } = new List<(int, string)>();
        /// <summary>Decoded text or names put together at run time (atob, fromCharCode, pm[...], escapes).</summary>
        public List<(int line, string how)> Hidden { get; } = new List<(int, string)>();
        /// <summary>Hosts named in the script's text (string literals, decoded strings).</summary>
        public List<(int line, string host)> Hosts { get; } = new List<(int, string)>();
        /// <summary>The request itself pointed at a host written in the script that is not Binance's.</summary>
        public List<(int line, string host)> Redirects { get; } = new List<(int, string)>();
        /// <summary>A key-named variable written with a value not made from a key.</summary>
        public List<(int line, string scope, string target)> KeyVariableWrites { get; } = new List<(int, string, string)>();
        /// <summary>Key or secret reads, by variable.</summary>
        public List<(int line, Taint taint)> Reads { get; } = new List<(int, Taint)>();
        /// <summary>A signature made with the secret reached the URL, the body, a header or the `signature` variable.</summary>
        public bool SignsRequest { get; set; }
        /// <summary>The secret (or a key object) was the key of an HMAC or sign call.</summary>
        public bool SignsWithSecret { get; set; }
        /// <summary>The API key went into X-MBX-APIKEY.</summary>
        public bool SetsKeyHeader { get; set; }
        /// <summary>Lines the tracker could not read: what happens there is not known.</summary>
        public List<int> Unreadable { get; } = new List<int>();
        /// <summary>The script is too big or too nested (or too odd) to follow to the end.</summary>
        public bool TooComplex { get; set; }

        public bool ReadsKeyMaterial => Reads.Count > 0;
    }
}
