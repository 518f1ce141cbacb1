using BinancePostman.Catalog;
using BinancePostman.Http;

namespace BinancePostman.Session
{
    /// <summary>
    /// Plans a call: an endpoint (or a method and path of no collection), the values given and where to send them, read
    /// against one session snapshot, become the request as it will be sent. Nothing is sent here; keys come later, and
    /// only when the request needs them.
    /// </summary>
    internal static class RequestPlanner
    {
        public static PlannedRequest ForEndpoint(Endpoint endpoint, RequestValues values, TargetOptions options, SessionSnapshot session, EndpointCatalog catalog)
        {
            RequestTarget target = RequestTarget.ForEndpoint(endpoint, options, session, catalog);
            var variables = new VariableResolver(endpoint.Owner.Variables, target.Environment?.Variables);
            PreparedRequest request = RequestBuilder.Prepare(endpoint, target.BaseUri, values.Items, variables, target.Origin);
            return new PlannedRequest(request, endpoint.Name, endpoint, target);
        }

        public static PlannedRequest ForPath(string method, string path, SecurityType security, RequestValues values, TargetOptions options,
            SessionSnapshot session, EndpointCatalog catalog)
        {
            RequestTarget target = RequestTarget.ForPath(path, options, session, catalog);
            PreparedRequest request = RequestBuilder.PrepareRaw(method, target.BaseUri, path, security, values.Items, target.Origin);
            return new PlannedRequest(request, request.Method + " " + request.Path, null, target);
        }
    }
}
