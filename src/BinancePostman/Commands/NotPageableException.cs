using System;

namespace BinancePostman.Commands
{
    /// <summary>-All on an endpoint that does not page.</summary>
    internal sealed class NotPageableException : ArgumentException
    {
        public NotPageableException(string endpoint) : base($"'{endpoint}' does not page: -All cannot be used with it.", "All")
        {
        }
    }
}
