using System.Management.Automation;
using BinancePostman.Session;

namespace BinancePostman.Commands
{
    /// <summary>Forgets the session's keys, network and base URI.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Binance")]
    public sealed class DisconnectBinanceCommand : BinanceCmdlet
    {
        protected override void EndProcessing()
        {
            ModuleSession.Replace(SessionSnapshot.Disconnected);
            WriteVerbose("Disconnected: no session keys; network Production.");
        }
    }
}
