using System.Management.Automation;
using BinancePostman.Session;

namespace BinancePostman.Commands
{
    /// <summary>Forgets the session's keys, network, base URI and trusted hosts.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Binance")]
    public sealed class DisconnectBinanceCommand : BinanceCmdlet
    {
        protected override void EndProcessing()
        {
            ModuleSession.Replace(SessionSnapshot.Disconnected);
            ModuleSession.WarnedHosts.Clear();
            WriteVerbose("Disconnected: no session keys, no trusted hosts; network Production.");
        }
    }
}
