using System;
using System.Management.Automation;
using BinancePostman.Catalog;
using BinancePostman.Commands.Completion;

namespace BinancePostman.Commands
{
    /// <summary>
    /// The parameters of every command that reaches the exchange, over REST or WebSocket: where (-Network, -Environment,
    /// -BaseUri) and by which way (-Proxy, -ProxyCredential, -ProxyUseDefaultCredentials, -NoProxy; see <see cref="ProxyChoice"/>).
    /// </summary>
    public abstract class BinanceConnectionCmdlet : BinanceCmdlet
    {
        /// <summary>Production, Testnet or Demo for this call; default: the session's (Production).</summary>
        [Parameter]
        public BinanceNetwork? Network { get; set; }

        /// <summary>A loaded Postman environment whose variables set the host.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(EnvironmentNameCompleter))]
        public string? Environment { get; set; }

        /// <summary>Goes to this base URI instead (a gateway, a local exchange): overrides network and environment.</summary>
        [Parameter]
        public Uri? BaseUri { get; set; }

        /// <summary>Goes through this proxy instead of the system's (http://host:port).</summary>
        [Parameter]
        public Uri? Proxy { get; set; }

        /// <summary>The proxy's user name and password.</summary>
        [Parameter]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>Authenticates to the proxy as the logged-on user.</summary>
        [Parameter]
        public SwitchParameter ProxyUseDefaultCredentials { get; set; }

        /// <summary>Goes straight to the exchange, whatever the system's proxy settings say.</summary>
        [Parameter]
        public SwitchParameter NoProxy { get; set; }
    }
}
