using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BinancePostman.Catalog;
using BinancePostman.Http;
using BinancePostman.Streams;

namespace BinancePostman.Session
{
    /// <summary>A stream's REST calls (listenKey, listen token, server time) through the module's one send path, with the call's API key.</summary>
    internal sealed class StreamRest : IStreamRest
    {
        private readonly BinanceClient _client;
        private readonly string _restBase;
        private readonly BaseUriOrigin _restOrigin;
        private readonly string _apiKey;
        private readonly string _apiPath;
        private readonly SendOptions _options;

        public StreamRest(BinanceClient client, string restBase, BaseUriOrigin restOrigin, string apiKey, StreamApi api, SendOptions options)
        {
            _client = client;
            _restBase = restBase;
            _restOrigin = restOrigin;
            _apiKey = apiKey;
            _apiPath = api.RestPath();
            _options = options;
        }

        public async Task<string> SendAsync(string method, string path, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancel)
        {
            PreparedRequest request = RequestBuilder.PrepareRaw(method, _restBase, path, SecurityType.USER_STREAM, parameters, _restOrigin);
            using BinanceReply reply = await _client.SendAsync(request, _apiKey, null, null, _options, cancel).ConfigureAwait(false);
            return reply.ReadText();
        }

        public async Task<long> ServerTimeAsync(bool resync, CancellationToken cancel)
        {
            string host = new Uri(_restBase).Authority;
            if (resync || !_client.Clock.IsSynced(host))
                await _client.SyncClockAsync(_restBase, _apiPath, _options, cancel).ConfigureAwait(false);
            return _client.Clock.Now(host);
        }
    }
}
