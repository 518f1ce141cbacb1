namespace BinancePostman.Catalog
{
    public enum AuditSeverity
    {
        Info,
        Warning,
        Error,
    }

    /// <summary>One thing the audit of a collection or environment file noticed, and what to do about it.</summary>
    public sealed class AuditFinding
    {
        public AuditFinding(AuditSeverity severity, string file, string location, int? line, string finding, string advice)
        {
            Severity = severity;
            File = file;
            Location = location;
            Line = line;
            Finding = finding;
            Advice = advice;
        }

        public AuditSeverity Severity { get; }
        public string File { get; }
        /// <summary>Where in the file: the item, script or variable, as a path of names.</summary>
        public string Location { get; }
        /// <summary>1-based line in the file, where it could be found.</summary>
        public int? Line { get; }
        public string Finding { get; }
        public string Advice { get; }

        public override string ToString() => $"{Severity}: {System.IO.Path.GetFileName(File)} {Location}{(Line != null ? " (line " + Line + ")" : "")}: {Finding} {Advice}";
    }
}
