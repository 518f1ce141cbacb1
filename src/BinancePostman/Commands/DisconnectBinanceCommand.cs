using System.Management.Automation;
using BinancePostman.Catalog;
using BinancePostman.Session;

namespace BinancePostman.Commands
{
    /// <summary>Forgets the session's keys, network, base URI and trusted hosts.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Binance")]
    public sealed class DisconnectBinanceCommand : BinanceCmdlet
    {
        protected override void EndProcessing()
        {
            ModuleSession.DefaultCredential = null;
            ModuleSession.BaseUri = null;
            ModuleSession.TrustedHosts = BinancePostman.Http.TrustedHostList.Empty;
            ModuleSession.WarnedHosts.Clear();
            ModuleSession.Network = BinanceNetwork.Production;
            ModuleSession.Connection = null;
            ModuleSession.DefaultCollection = "Spot";
            WriteVerbose("Disconnected: no session keys, no trusted hosts; network Production.");
        }
    }
}
