namespace BinancePostman.Catalog
{
    public enum AuditSeverity
    {
        Info,
        Warning,
        Error,
    }

    /// <summary>What the module itself offers for a finding, beyond the advice about the file: the cmdlets word it.</summary>
    public enum AuditHint
    {
        None,
        /// <summary>Name or trust the host for the session, if it is yours (<see cref="AuditFinding.Host"/>).</summary>
        TrustHost,
        /// <summary>Keep the key or secret in a vault, and connect with it.</summary>
        KeysInVault,
        /// <summary>Keep the private key in a vault.</summary>
        PrivateKeyInVault,
    }

    /// <summary>One thing the audit of a collection or environment file noticed, and what to do about it.</summary>
    public sealed class AuditFinding
    {
        public AuditFinding(AuditSeverity severity, string file, string location, int? line, string finding, string advice,
            AuditHint hint = AuditHint.None, string? host = null)
        {
            Severity = severity;
            File = file;
            Location = location;
            Line = line;
            Finding = finding;
            Advice = advice;
            Hint = hint;
            Host = host;
        }

        public AuditSeverity Severity { get; }
        public string File { get; }
        /// <summary>Where in the file: the item, script or variable, as a path of names.</summary>
        public string Location { get; }
        /// <summary>1-based line in the file, where it could be found.</summary>
        public int? Line { get; }
        public string Finding { get; }
        /// <summary>What to do; the cmdlets that show a finding complete it with the module's own means (<see cref="Hint"/>).</summary>
        public string Advice { get; internal set; }
        public AuditHint Hint { get; }
        /// <summary>The host a TrustHost hint is about (host[:port]).</summary>
        public string? Host { get; }

        public override string ToString() => $"{Severity}: {System.IO.Path.GetFileName(File)} {Location}{(Line != null ? " (line " + Line + ")" : "")}: {Finding} {Advice}";
    }
}
