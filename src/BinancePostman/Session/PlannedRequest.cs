using BinancePostman.Catalog;
using BinancePostman.Http;

namespace BinancePostman.Session
{
    /// <summary>A request as it will be sent, before keys: where it goes, its parameters, what it weighs, whether it changes state.</summary>
    public sealed class PlannedRequest
    {
        public PlannedRequest(PreparedRequest request, string displayName, Endpoint? endpoint, RequestTarget target)
        {
            Request = request;
            DisplayName = displayName;
            Endpoint = endpoint;
            Target = target;
            Impact = StateChange.Of(request.Method, request.Path, displayName, request.Security);
        }

        public PreparedRequest Request { get; }
        /// <summary>The endpoint's name, or "METHOD /path" for a call of no collection.</summary>
        public string DisplayName { get; }
        public Endpoint? Endpoint { get; }
        public RequestTarget Target { get; }
        /// <summary>None for reads; Changes for orders and the like; MovesFunds for withdrawals and transfers.</summary>
        public StateChangeImpact Impact { get; }
    }
}
