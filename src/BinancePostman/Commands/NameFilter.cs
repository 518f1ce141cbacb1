using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace BinancePostman.Commands
{
    /// <summary>Wildcard name filters as Get-Command has them: patterns match case-insensitively.</summary>
    internal sealed class NameFilter
    {
        private readonly List<WildcardPattern> _patterns;

        public NameFilter(IEnumerable<string>? patterns)
        {
            _patterns = (patterns ?? Enumerable.Empty<string>())
                .Select(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant))
                .ToList();
        }

        public bool IsEmpty => _patterns.Count == 0;

        public bool Matches(string value) => _patterns.Count == 0 || _patterns.Any(p => p.IsMatch(value));
    }
}
