using System;
using System.Text.RegularExpressions;

namespace BinancePostman.Http
{
    /// <summary>
    /// Which requests place orders, and under which parameter their client id travels. A placement that ends
    /// without a clear answer can then be looked up by that id instead of being sent twice.
    /// </summary>
    public static class OrderPlacement
    {
        // list orders: OCO, OTO, OTOCO, OPO... (spot and margin)
        private static readonly Regex ListOrder = new Regex(@"/(order/oco|orderList/[a-z]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        // single orders in every API: /api/v3/order, /fapi/v1/order, /sapi/v1/margin/order, /papi/v1/um/order, SOR, test orders, cancel-replace
        private static readonly Regex SingleOrder = new Regex(@"/(sor/)?order(/test|/cancelReplace)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex BatchOrders = new Regex(@"/batchOrders$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static bool IsPlacement(string method, string path) =>
            string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase)
            && (ListOrder.IsMatch(path) || SingleOrder.IsMatch(path) || BatchOrders.IsMatch(path));

        /// <summary>The parameter that names the order for later queries; null when none (batch orders, not an order).</summary>
        public static string? ClientIdParameter(string method, string path)
        {
            if (!string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase)) return null;
            if (ListOrder.IsMatch(path)) return "listClientOrderId";
            if (!SingleOrder.IsMatch(path)) return null;
            return path.StartsWith("/eapi/", StringComparison.OrdinalIgnoreCase) ? "clientOrderId" : "newClientOrderId";
        }

        /// <summary>The request with a client order id: the user's own, else a new one. Nothing changes for other requests.</summary>
        public static PreparedRequest WithClientOrderId(PreparedRequest request, out string? clientOrderId, out bool generated)
        {
            generated = false;
            clientOrderId = null;
            string? parameter = ClientIdParameter(request.Method, request.Path);
            if (parameter == null) return request;
            clientOrderId = request.Find(parameter);
            if (!string.IsNullOrEmpty(clientOrderId)) return request;
            clientOrderId = NewId();
            generated = true;
            return request.With(parameter, clientOrderId);
        }

        /// <summary>34 characters of [a-z0-9]: inside Binance's ^[.A-Z:/a-z0-9_-]{1,36}$.</summary>
        public static string NewId() => "bp" + Guid.NewGuid().ToString("N");
    }
}
