using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace BinancePostman.Streams
{
    /// <summary>
    /// The REST side a user-data stream needs (listenKey, listen token, the server's time for signing), sent through the
    /// module's one send path with the call's keys; the Session provides it.
    /// </summary>
    public interface IStreamRest
    {
        /// <summary>Sends a USER_STREAM request (API key, no signature) of the stream's API; the reply's body.</summary>
        Task<string> SendAsync(string method, string path, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancel);

        /// <summary>The exchange's time in milliseconds, from the API host's clock offset (synced once).</summary>
        Task<long> ServerTimeAsync(bool resync, CancellationToken cancel);
    }
}
