using System;

namespace BinancePostman.Session
{
    /// <summary>A request needs the session's keys, and the last Connect-Binance could not read them.</summary>
    public sealed class SessionKeysFailedException : Exception
    {
        public SessionKeysFailedException(string failure)
            : base($"The session has no keys: the last connect could not read them ({failure.TrimEnd('.')}). Nothing was sent.")
        {
            Failure = failure;
        }

        public string Failure { get; }
    }
}
