using System;

namespace BinancePostman.Orders
{
    /// <summary>The exchange's exchangeInfo has no such symbol (spot answers -1121; futures simply do not list it).</summary>
    public sealed class UnknownSymbolException : Exception
    {
        public UnknownSymbolException(string symbol, string host, OrderApi api)
            : base($"No symbol '{symbol}' in the {api} exchangeInfo of {host}.")
        {
            Symbol = symbol;
            Host = host;
            Api = api;
        }

        public string Symbol { get; }
        public string Host { get; }
        public OrderApi Api { get; }
    }
}
