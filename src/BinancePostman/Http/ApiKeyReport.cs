using System;
using System.Collections.Generic;
using BinancePostman.Catalog;

namespace BinancePostman.Http
{
    /// <summary>What a key check found.</summary>
    public enum ApiKeyFindingKind
    {
        ClockUnreadable,
        ClockSkewed,
        TestnetHasNoPermissions,
        HostHasNoPermissions,
        PermissionsNotJson,
        SignedRequestWorks,
        WithdrawalsEnabled,
        NoIpRestriction,
        TransfersEnabled,
        TradingAuthorityExpires,
        TradingAuthorityExpired,
        ReadingDisabled,
    }

    /// <summary>One check's result: what kind of thing was found, how serious, and (worded by the cmdlet) what it means and what to do.</summary>
    public sealed class ApiKeyFinding
    {
        public ApiKeyFinding(AuditSeverity severity, ApiKeyFindingKind kind)
        {
            Severity = severity;
            Kind = kind;
        }

        public AuditSeverity Severity { get; }
        public ApiKeyFindingKind Kind { get; }
        public string Finding { get; internal set; } = "";
        public string Advice { get; internal set; } = "";

        public override string ToString() => $"{Severity}: {Finding} {Advice}";
    }

    /// <summary>What Test-BinanceApiKey learned about a key from the exchange: clock, signing, permissions, findings.</summary>
    public sealed class ApiKeyReport
    {
        private readonly List<ApiKeyFinding> _findings = new List<ApiKeyFinding>();

        public ApiKeyReport(string baseUri, BinanceNetwork network, string maskedApiKey, string keyType)
        {
            BaseUri = baseUri;
            Network = network;
            ApiKey = maskedApiKey;
            KeyType = keyType;
        }

        public string BaseUri { get; }
        public BinanceNetwork Network { get; }
        /// <summary>The API key shortened to its first and last four characters.</summary>
        public string ApiKey { get; }
        public string KeyType { get; }
        /// <summary>Server clock minus local clock, in milliseconds; null when the server time could not be read.</summary>
        public long? ClockOffsetMs { get; internal set; }
        public bool SignedRequestWorks { get; internal set; }
        /// <summary>The signed request used for the check (method and path).</summary>
        public string? SignedRequest { get; internal set; }
        /// <summary>Whether the key's permissions could be read (not on the spot testnet, which has no /sapi).</summary>
        public bool PermissionsChecked { get; internal set; }
        public bool? IpRestrict { get; internal set; }
        public bool? EnableReading { get; internal set; }
        public bool? EnableSpotAndMarginTrading { get; internal set; }
        public bool? EnableWithdrawals { get; internal set; }
        public bool? EnableInternalTransfer { get; internal set; }
        public bool? PermitsUniversalTransfer { get; internal set; }
        public bool? EnableMargin { get; internal set; }
        public bool? EnableFutures { get; internal set; }
        public bool? EnableVanillaOptions { get; internal set; }
        public DateTime? CreateTime { get; internal set; }
        public DateTime? TradingAuthorityExpirationTime { get; internal set; }
        public IReadOnlyList<ApiKeyFinding> Findings => _findings;

        /// <summary>The exchange's refusal, when the signed request failed: the cmdlet reports it as an error record.</summary>
        internal BinanceApiException? Failure { get; set; }

        internal void Add(AuditSeverity severity, ApiKeyFindingKind kind) => _findings.Add(new ApiKeyFinding(severity, kind));

    }
}
