using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace BinancePostman.Catalog.Scripts
{
    /// <summary>
    /// What the tracker knows of the APIs a Postman script can reach, by path ("pm.environment.get",
    /// "CryptoJS.HmacSHA256"): where variables are read and written, what sends a request, what runs text as code,
    /// which calls sign (by the shape of their name, whatever the library), and which only compute.
    /// </summary>
    internal static class ScriptApi
    {
        private static readonly char[] PathEnds = { '.', '#', '[', '(' };
        private static readonly char[] SegmentMarks = { '.', '#' };

        /// <summary>Variable stores and the scope name findings use.</summary>
        private static readonly Dictionary<string, string> Stores = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["pm.environment"] = "environment",
            ["pm.globals"] = "globals",
            ["pm.collectionVariables"] = "collectionVariables",
            ["pm.variables"] = "variables",
            ["pm.iterationData"] = "iterationData",
            ["pm.environment.values"] = "environment",
            ["pm.globals.values"] = "globals",
            ["pm.collectionVariables.values"] = "collectionVariables",
            ["environment"] = "environment",
            ["globals"] = "globals",
            ["data"] = "iterationData",
            ["iterationData"] = "iterationData",
        };

        /// <summary>The legacy sandbox objects whose members are the variables themselves (environment['api-secret']).</summary>
        public static bool IsLegacyStore(string path) => path == "environment" || path == "globals" || path == "data" || path == "iterationData";

        public static bool IsStore(string path, out string scope) => Stores.TryGetValue(path, out scope!);

        /// <summary>The request's headers (or the whole request): they hold the API key once a script or the collection set it.</summary>
        public static bool HoldsRequestHeaders(string path) =>
            path == "pm.request" || path == "pm.request.headers" || path == "pm.request.auth" || path == "request" || path == "request.headers";

        private static readonly HashSet<string> RequestApis = new HashSet<string>(StringComparer.Ordinal)
        {
            "pm.sendRequest", "postman.sendRequest", "fetch", "navigator.sendBeacon", "importScripts",
            "XMLHttpRequest#instance.open", "XMLHttpRequest#instance.send", "XMLHttpRequest#instance.setRequestHeader",
            "WebSocket#instance.send", "$.ajax", "$.get", "$.post", "$.getJSON", "jQuery.ajax", "jQuery.get", "jQuery.post",
            "axios", "axios.get", "axios.post", "axios.put", "axios.request",
        };

        private static readonly HashSet<string> RequestConstructors = new HashSet<string>(StringComparer.Ordinal)
        {
            "XMLHttpRequest", "WebSocket", "EventSource", "RTCPeerConnection", "Worker", "SharedWorker",
        };

        private static readonly HashSet<string> NetworkModules = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "http", "https", "http2", "net", "tls", "dgram", "dns", "child_process", "axios", "node-fetch", "request", "got", "superagent",
            "undici", "ws", "socket.io-client", "needle", "cross-fetch", "isomorphic-fetch",
        };

        /// <summary>Modules that only compute, mapped to the path their global has (require('crypto-js') is CryptoJS).</summary>
        private static readonly Dictionary<string, string> KnownModules = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["crypto-js"] = "CryptoJS", ["crypto"] = "crypto", ["node-forge"] = "forge", ["jsrsasign"] = "jsrsasign", ["tweetnacl"] = "nacl",
            ["@noble/ed25519"] = "ed25519", ["@noble/curves/ed25519"] = "ed25519", ["lodash"] = "_", ["moment"] = "moment", ["uuid"] = "uuid",
            ["atob"] = "atob", ["btoa"] = "btoa", ["buffer"] = "Buffer", ["url"] = "url", ["querystring"] = "querystring", ["util"] = "util",
            ["tv4"] = "tv4", ["chai"] = "chai", ["ajv"] = "ajv", ["cheerio"] = "cheerio", ["xml2js"] = "xml2js", ["csv-parse/lib/sync"] = "csvParse",
            ["postman-collection"] = "sdk", ["jose"] = "jose", ["elliptic"] = "elliptic", ["sjcl"] = "sjcl",
        };

        /// <summary>The path of require(name)'s result: a library's global, "net:name" for a network module, "module:name" otherwise.</summary>
        public static string RequirePath(string name)
        {
            if (NetworkModules.Contains(name)) return "net:" + name;
            if (KnownModules.TryGetValue(name, out string? path)) return path;
            return "module:" + name;
        }

        public static bool IsNetworkModule(string path) => path.StartsWith("net:", StringComparison.Ordinal);

        /// <summary>
        /// A call to this path sends a request of the script's own (the call itself, not the values). A member of pm or of the
        /// global object whose name is built at run time (pm[name], Object.values(pm)[3]) may be pm.sendRequest or fetch: it counts.
        /// </summary>
        public static bool IsRequestCall(string path)
        {
            if (RequestApis.Contains(path) || path.StartsWith("net:", StringComparison.Ordinal)) return true;
            string root = Root(path);
            return path.IndexOf("[?]", StringComparison.Ordinal) >= 0 && (root == "pm" || root == "postman" || root == "globalThis" || root == "navigator");
        }

        public static bool IsRequestConstructor(string path) => RequestConstructors.Contains(path);

        /// <summary>Assigning to these sends a request (an image beacon, a navigation).</summary>
        public static bool IsRequestProperty(string path) =>
            path == "Image#instance.src" || path == "element#instance.src" || path == "element#instance.href" || path == "element#instance.action"
            || path == "location" || path == "location.href" || path == "window.location" || path == "document.location";

        /// <summary>The name a finding gives a request API.</summary>
        public static string RequestName(string path)
        {
            if (path.StartsWith("net:", StringComparison.Ordinal))
            {
                string rest = path.Substring(4);
                int dot = rest.IndexOf('.');
                return "require('" + (dot < 0 ? rest : rest.Substring(0, dot)) + "')";
            }
            int hash = path.IndexOf('#');
            return hash < 0 ? path : path.Substring(0, hash);
        }

        public static bool IsCodeFromText(string path) =>
            path == "eval" || path == "Function" || path == "execScript" || path == "Function.prototype.constructor" || path == "import"
            || path.EndsWith(".constructor", StringComparison.Ordinal) || path.StartsWith("module:vm", StringComparison.Ordinal)
            || path == "vm.runInThisContext" || path == "vm.runInNewContext" || path == "vm.Script";

        /// <summary>Calls that run their first argument as code when it is text.</summary>
        public static bool IsTimer(string path) => path == "setTimeout" || path == "setInterval" || path == "setImmediate";

        public static bool IsConsole(string path) => path.StartsWith("console.", StringComparison.Ordinal) || path == "pm.visualizer.set";

        private static readonly HashSet<string> PureRoots = new HashSet<string>(StringComparer.Ordinal)
        {
            "String", "Number", "Boolean", "Object", "Array", "JSON", "Math", "Date", "parseInt", "parseFloat", "isNaN", "isFinite",
            "encodeURIComponent", "encodeURI", "decodeURIComponent", "decodeURI", "escape", "unescape", "atob", "btoa", "Buffer",
            "TextEncoder", "TextDecoder", "Uint8Array", "Int8Array", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array",
            "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "Uint8ClampedArray", "ArrayBuffer", "DataView",
            "Promise", "Map", "Set", "WeakMap", "WeakSet", "Symbol", "BigInt", "RegExp", "Error", "TypeError", "RangeError",
            "CryptoJS", "crypto", "forge", "jsrsasign", "KJUR", "KEYUTIL", "RSAKey", "nacl", "sodium", "sjcl", "ed25519", "ed", "jose", "elliptic",
            "_", "moment", "uuid", "tv4", "chai", "ajv", "cheerio", "xml2js", "csvParse", "url", "querystring", "util", "URL", "URLSearchParams",
            "Intl", "structuredClone", "queueMicrotask",
        };

        /// <summary>pm APIs that only read or test: nothing leaves through them.</summary>
        private static readonly string[] PurePm =
        {
            "pm.response", "pm.info", "pm.cookies.get", "pm.cookies.has", "pm.cookies.toObject", "pm.expect", "pm.execution.skipRequest",
            "pm.execution.setNextRequest", "pm.setNextRequest", "pm.request.url.toString", "pm.request.url.getHost", "pm.request.url.getPath",
            "pm.request.url.getQueryString", "pm.request.url.getPathWithQuery", "pm.request.url.query.has", "pm.request.url.query.get",
            "pm.request.url.query.toObject", "pm.request.url.query.count", "pm.request.url.query.clear", "pm.request.url.query.remove",
            "pm.request.headers.has", "pm.request.headers.remove", "pm.request.headers.count", "pm.request.removeHeader", "pm.request.url.removeQueryParams",
            "pm.require", "pm.environment.has", "pm.environment.unset", "pm.environment.clear", "pm.globals.has", "pm.globals.unset",
            "pm.globals.clear", "pm.collectionVariables.has", "pm.collectionVariables.unset", "pm.collectionVariables.clear",
            "pm.variables.has", "pm.variables.unset", "pm.iterationData.has", "pm.environment.name",
        };

        /// <summary>Calls that only compute from their arguments (the result carries what went in).</summary>
        public static bool IsPure(string path)
        {
            string root = Root(path);
            if (PureRoots.Contains(root)) return true;
            foreach (string p in PurePm)
                if (path == p || path.StartsWith(p + ".", StringComparison.Ordinal)) return true;
            return false;
        }

        public static string Root(string path)
        {
            int end = path.IndexOfAny(PathEnds);
            return end < 0 ? path : path.Substring(0, end);
        }

        private static readonly Regex SignSegment = new Regex(@"hmac|(?<!as)sign|mac$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex KeyImportSegment = new Regex(@"^import(Key|PKCS8|SPKI|JWK|X509)$|^createPrivateKey$|^createSecretKey$|privateKeyFrom|^getKey$|^fromPem$|^keyFrom(Private|Secret)$|^readPrivateKey$|^parseKey$|^decodePrivateKey$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>Where signing libraries live: the sandbox's CryptoJS and WebCrypto, and the libraries scripts load (forge, jsrsasign, tweetnacl...).</summary>
        private static readonly HashSet<string> CryptoRoots = new HashSet<string>(StringComparer.Ordinal)
        {
            "CryptoJS", "crypto", "forge", "KJUR", "KEYUTIL", "jsrsasign", "RSAKey", "nacl", "sodium", "sjcl", "ed25519", "ed", "jose", "elliptic",
        };

        /// <summary>
        /// An HMAC or signing call, recognised by shape within a crypto library, whatever its spelling: a path segment naming
        /// hmac, sign or mac (CryptoJS.HmacSHA256, crypto.subtle.sign, crypto.createHmac, forge.hmac.create().start,
        /// nacl.sign.detached, new KJUR.crypto.Mac...). A bare global or a package the audit cannot see is no library.
        /// </summary>
        public static bool IsSigning(string path) => CryptoRoots.Contains(Root(path)) && Segments(path, SignSegment);

        /// <summary>A method whose own name is a signing one (sign, hmac, mac...): a key object it is called on signs.</summary>
        public static bool SignsByName(string method) => SignSegment.IsMatch(method);

        /// <summary>A call that turns key text into a key object to sign with (importKey, privateKeyFromPem, KEYUTIL.getKey...).</summary>
        public static bool IsKeyImport(string path) => CryptoRoots.Contains(Root(path)) && KeyImportSegment.IsMatch(path.Substring(path.LastIndexOfAny(SegmentMarks) + 1));

        /// <summary>
        /// The argument that is the key, for the common signing calls: CryptoJS.HmacSHA256(message, key), createHmac(algorithm, key),
        /// subtle.importKey(format, keyData, ...), subtle.sign(algorithm, key, data), nacl.sign.detached(message, secretKey),
        /// forge's hmac.start(md, key). Null when the shape does not say (any argument may be the key).
        /// </summary>
        public static int? KeyArgument(string path)
        {
            string last = path.Substring(path.LastIndexOfAny(SegmentMarks) + 1);
            if (last.StartsWith("Hmac", StringComparison.Ordinal) || last == "createHmac" || last == "importKey" || last == "detached") return 1;
            if (path.EndsWith("subtle.sign", StringComparison.Ordinal) || path == "nacl.sign") return 1;
            if (last == "start" && path.IndexOf("hmac", StringComparison.OrdinalIgnoreCase) >= 0) return 1;
            return null;
        }

        private static bool Segments(string path, Regex shape)
        {
            foreach (string segment in path.Split('.', '#', '(', ')', '[', ']'))
                if (segment.Length > 0 && shape.IsMatch(segment)) return true;
            return false;
        }
    }
}
