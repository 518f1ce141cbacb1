using System.Globalization;

namespace BinancePostman.FakeExchange.Streams
{
    /// <summary>User-data events as Binance sends them: made from a tick k (generated) or from an order placed through REST.</summary>
    public static class UserEvents
    {
        /// <summary>Spot: executionReport on even ticks, balanceUpdate on odd ones.</summary>
        public static string Spot(long k, long timeMs)
        {
            string t = timeMs.ToString(CultureInfo.InvariantCulture);
            return k % 2 == 0
                ? ExecutionReport("BTCUSDT", "fake-" + k.ToString(CultureInfo.InvariantCulture), k, "BUY", "LIMIT", "0.00100000", "20000.00000000", "NEW", timeMs)
                : $"{{\"e\":\"balanceUpdate\",\"E\":{t},\"a\":\"BTC\",\"d\":\"0.{k % 100000000:D8}\",\"T\":{t}}}";
        }

        public static string ExecutionReport(string symbol, string clientId, long orderId, string side, string type, string qty, string price, string status, long timeMs)
        {
            string t = timeMs.ToString(CultureInfo.InvariantCulture);
            return $"{{\"e\":\"executionReport\",\"E\":{t},\"s\":\"{symbol}\",\"c\":\"{clientId}\",\"S\":\"{side}\",\"o\":\"{type}\",\"f\":\"GTC\",\"q\":\"{qty}\",\"p\":\"{price}\",\"P\":\"0.00000000\",\"F\":\"0.00000000\",\"g\":-1,\"C\":\"\",\"x\":\"{(status == "FILLED" ? "TRADE" : "NEW")}\",\"X\":\"{status}\",\"r\":\"NONE\",\"i\":{orderId},\"l\":\"{(status == "FILLED" ? qty : "0.00000000")}\",\"z\":\"{(status == "FILLED" ? qty : "0.00000000")}\",\"L\":\"{price}\",\"n\":\"0\",\"N\":null,\"T\":{t},\"t\":-1,\"I\":{orderId * 2},\"w\":true,\"m\":false,\"M\":false,\"O\":{t},\"Z\":\"0.00000000\",\"Y\":\"0.00000000\",\"Q\":\"0.00000000\",\"W\":{t},\"V\":\"NONE\"}}";
        }

        /// <summary>USDs-M, Coin-M, options, portfolio margin: ORDER_TRADE_UPDATE.</summary>
        public static string Futures(long k, long timeMs) =>
            OrderTradeUpdate("BTCUSDT", "fake-" + k.ToString(CultureInfo.InvariantCulture), k, "BUY", "LIMIT", "0.001", "20000", "NEW", timeMs);

        public static string OrderTradeUpdate(string symbol, string clientId, long orderId, string side, string type, string qty, string price, string status, long timeMs)
        {
            string t = timeMs.ToString(CultureInfo.InvariantCulture);
            string filled = status == "FILLED" ? qty : "0";
            return $"{{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":{t},\"T\":{t},\"o\":{{\"s\":\"{symbol}\",\"c\":\"{clientId}\",\"S\":\"{side}\",\"o\":\"{type}\",\"f\":\"GTC\",\"q\":\"{qty}\",\"p\":\"{price}\",\"ap\":\"0\",\"sp\":\"0\",\"x\":\"{(status == "FILLED" ? "TRADE" : "NEW")}\",\"X\":\"{status}\",\"i\":{orderId},\"l\":\"{filled}\",\"z\":\"{filled}\",\"L\":\"0\",\"N\":\"USDT\",\"n\":\"0\",\"T\":{t},\"t\":0,\"b\":\"0\",\"a\":\"0\",\"m\":false,\"R\":false,\"wt\":\"CONTRACT_PRICE\",\"ot\":\"{type}\",\"ps\":\"BOTH\",\"cp\":false,\"rp\":\"0\",\"pP\":false,\"si\":0,\"ss\":0,\"V\":\"NONE\",\"pm\":\"NONE\",\"gtd\":0}}}}";
        }
    }
}
