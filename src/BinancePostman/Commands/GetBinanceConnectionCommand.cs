using System.Management.Automation;
using BinancePostman.Session;

namespace BinancePostman.Commands
{
    /// <summary>The connection Connect-Binance made, or nothing.</summary>
    [Cmdlet(VerbsCommon.Get, "BinanceConnection")]
    [OutputType(typeof(BinanceConnection))]
    public sealed class GetBinanceConnectionCommand : BinanceCmdlet
    {
        protected override void EndProcessing()
        {
            BinanceConnection? connection = ModuleSession.Current.Connection;
            if (connection != null) WriteObject(connection);
        }
    }
}
