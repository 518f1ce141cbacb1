using System;
using BinancePostman.Http;

namespace BinancePostman.Commands
{
    /// <summary>The command that finds an order by its client id, e.g. GET /api/v3/order with origClientOrderId.</summary>
    internal static class OrderQuery
    {
        public static string CommandFor(BinanceApiException ex)
        {
            string path = ex.Path ?? "/api/v3/order";
            bool list = ex.ClientIdParameter == "listClientOrderId";
            int at = path.IndexOf("/order", StringComparison.OrdinalIgnoreCase);
            string basePath = (at < 0 ? path : path.Substring(0, at)).Replace("/sor", "");
            string queryPath = basePath + (list ? "/orderList" : "/order");
            string queryId = ex.ClientIdParameter == "clientOrderId" ? "clientOrderId" : "origClientOrderId";
            string symbolPart = ex.Symbol != null && !list ? $"symbol = '{ex.Symbol}'; " : "";
            return $"Invoke-BinanceRequest -Method GET -Path {queryPath} -Signed -Parameters @{{ {symbolPart}{queryId} = '{ex.ClientOrderId}' }}";
        }
    }
}
