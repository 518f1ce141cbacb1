using System.Collections.Generic;
using BinancePostman.Catalog;
using BinancePostman.Signing;

namespace BinancePostman.Http
{
    /// <summary>
    /// The exact text that goes on the wire: the encoded query and body. Requests that change state carry every parameter
    /// in an application/x-www-form-urlencoded body (see <see cref="PreparedRequest.SendsFormBody"/>). For signed requests,
    /// timestamp (and recvWindow) join the parameters where they travel, the signature is computed over query + body as
    /// sent (no separator), and `signature` is appended last: to the body when there is one, else to the query.
    /// </summary>
    public sealed class WireRequest
    {
        private WireRequest(string query, string body, string? signature, string? payload)
        {
            Query = query;
            Body = body;
            Signature = signature;
            Payload = payload;
        }

        public string Query { get; }
        public string Body { get; }
        public string? Signature { get; }
        /// <summary>The signed text, for tests and diagnostics (it holds no secret).</summary>
        public string? Payload { get; }

        public static WireRequest Build(PreparedRequest request, IRequestSigner? signer, long? timestamp, string? recvWindow)
        {
            var query = new List<KeyValuePair<string, string>>();
            var body = new List<KeyValuePair<string, string>>();
            (request.SendsFormBody ? body : query).AddRange(request.Query);
            body.AddRange(request.Body);
            if (!request.IsSigned || signer == null || timestamp == null)
                return new WireRequest(PercentEncoder.Join(query), PercentEncoder.Join(body), null, null);

            var target = body.Count > 0 || request.SendsFormBody ? body : query;
            if (recvWindow != null && request.Find(ModuleParameters.RecvWindow) == null)
                target.Add(new KeyValuePair<string, string>(ModuleParameters.RecvWindow, recvWindow));
            target.Add(new KeyValuePair<string, string>(ModuleParameters.Timestamp, timestamp.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return Sign(PercentEncoder.Join(query), PercentEncoder.Join(body), signer);
        }

        /// <summary>Signs an already encoded query and body and appends the signature to the body, or to the query when there is no body.</summary>
        public static WireRequest Sign(string encodedQuery, string encodedBody, IRequestSigner signer)
        {
            string payload = encodedQuery + encodedBody;
            string signature = signer.Sign(payload);
            string field = "signature=" + PercentEncoder.Encode(signature);
            if (encodedBody.Length > 0)
                return new WireRequest(encodedQuery, encodedBody + "&" + field, signature, payload);
            return new WireRequest((encodedQuery.Length > 0 ? encodedQuery + "&" : "") + field, encodedBody, signature, payload);
        }
    }
}
