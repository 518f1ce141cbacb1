using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BinancePostman.Catalog
{
    /// <summary>
    /// An endpoint's status as a collection states it: one line of the request description, which Postman shows as
    /// text and the loader reads, e.g. "Status: Retired on 2026-02-20. Replacement: POST /sapi/v1/userListenToken."
    /// </summary>
    public sealed class EndpointLifecycle
    {
        public static readonly EndpointLifecycle Active = new EndpointLifecycle(EndpointStatus.Active, null, null);

        private const string Marker = "Status: ";

        private static readonly Regex Line = new Regex(
            @"^Status: (Retired|Deprecated)(?: on (\d{4}-\d{2}-\d{2}))?\.(?: Replacement: (.+?))?\.?$",
            RegexOptions.CultureInvariant);

        public EndpointLifecycle(EndpointStatus status, DateTime? since, string? replacement)
        {
            Status = status;
            Since = since;
            Replacement = string.IsNullOrWhiteSpace(replacement) ? null : replacement!.Trim();
        }

        public EndpointStatus Status { get; }
        /// <summary>The day it was retired, or deprecated (UTC date).</summary>
        public DateTime? Since { get; }
        /// <summary>What to use instead, in words: an endpoint or another API.</summary>
        public string? Replacement { get; }

        /// <summary>The description line that states this status; null for Active.</summary>
        public string? ToDescriptionLine()
        {
            if (Status == EndpointStatus.Active) return null;
            string line = Marker + Status + (Since != null ? " on " + Since.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "") + ".";
            return Replacement == null ? line : line + " Replacement: " + Replacement.TrimEnd('.') + ".";
        }

        /// <summary>The status a description states in a line of its own; Active when it states none.</summary>
        public static EndpointLifecycle Read(string? description)
        {
            if (string.IsNullOrEmpty(description)) return Active;
            int at = description!.IndexOf(Marker, StringComparison.Ordinal);
            while (at >= 0)
            {
                if (at == 0 || description[at - 1] == '\n')
                {
                    int end = description.IndexOf('\n', at);
                    string line = (end < 0 ? description.Substring(at) : description.Substring(at, end - at)).TrimEnd('\r', ' ');
                    Match m = Line.Match(line);
                    if (m.Success)
                    {
                        var status = m.Groups[1].Value == "Retired" ? EndpointStatus.Retired : EndpointStatus.Deprecated;
                        DateTime? since = m.Groups[2].Success
                            ? DateTime.ParseExact(m.Groups[2].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
                            : (DateTime?)null;
                        return new EndpointLifecycle(status, since, m.Groups[3].Success ? m.Groups[3].Value : null);
                    }
                }
                at = description.IndexOf(Marker, at + Marker.Length, StringComparison.Ordinal);
            }
            return Active;
        }

        public override string ToString() => ToDescriptionLine() ?? "Active";
    }
}
