using System;
using System.Management.Automation;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;

namespace BinancePostman.Benchmarks
{
    /// <summary>
    /// PowerShell's own floor for a signed request from a cmdlet: a minimal binary cmdlet with a static HttpClient and an
    /// HMAC, the reply read as text and written as one string (no conversion). What pwsh costs per command around the
    /// same HTTP exchange is this cmdlet's time less the raw loop's.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "FloorRequest")]
    public sealed class FloorRequestCommand : PSCmdlet
    {
        private static readonly HttpClient Http = new HttpClient();

        [Parameter(Mandatory = true)]
        public string BaseUri { get; set; } = "";

        [Parameter(Mandatory = true)]
        public string ApiKey { get; set; } = "";

        [Parameter(Mandatory = true)]
        public string Secret { get; set; } = "";

        /// <summary>One request per pipeline object (piped), or one for the call (no input).</summary>
        [Parameter(ValueFromPipeline = true)]
        public object? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            string query = "timestamp=" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            string signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(query)));
            using var request = new HttpRequestMessage(HttpMethod.Get, BaseUri + "/api/v3/account?" + query + "&signature=" + signature);
            request.Headers.Add("X-MBX-APIKEY", ApiKey);
            using HttpResponseMessage response = Http.Send(request);
            string body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException(body);
            WriteObject(body);
        }
    }
}
