using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BinancePostman.Catalog
{
    /// <summary>
    /// A request weight that may depend on the request's parameters, read from the text after "Weight(IP):".
    /// The text is a comma-separated list of alternatives, tried in order; the first that applies gives the weight:
    /// <list type="bullet">
    /// <item>"5": always.</item>
    /// <item>"2 with symbol" / "4 without symbol" ("4 without" names the parameter of the alternative before).</item>
    /// <item>"5 for limit up to 100", then "25 up to 500" (same parameter), "250 above": by the parameter's number,
    /// or by how many items a list value such as symbols=["A","B"] holds.</item>
    /// <item>"4 per symbol" (times the symbols given: a symbols list counts its items), "at most 200" caps it.</item>
    /// <item>"default limit 500": the value assumed when the parameter is not sent (Binance's own default).</item>
    /// <item>"1500 when sideEffectType is MARGIN_BUY or AUTO_BORROW_REPAY" / "6 unless sideEffectType is ...": by the
    /// parameter's value (any case); "unless" also applies when the parameter is not sent.</item>
    /// </list>
    /// Text of any other shape gives its first number for every request, so free-text descriptions still weigh something.
    /// </summary>
    public sealed class WeightRule
    {
        private readonly List<Alternative> _alternatives;
        private readonly Dictionary<string, long> _defaults;
        private readonly int? _cap;

        private WeightRule(List<Alternative> alternatives, Dictionary<string, long> defaults, int? cap, int fallback, string text, bool freeText = false)
        {
            IsFreeText = freeText;
            _alternatives = alternatives;
            _defaults = defaults;
            _cap = cap;
            Fallback = fallback;
            Text = text;
        }

        /// <summary>The first number of the text: what the request weighs when nothing else is known.</summary>
        public int Fallback { get; }

        /// <summary>The weight text as written.</summary>
        public string Text { get; }

        /// <summary>True when the text did not follow the grammar: every request weighs the first number.</summary>
        public bool IsFreeText { get; }

        /// <summary>True when the weight depends on parameters (the text parsed as more than one number).</summary>
        public bool DependsOnParameters => _alternatives.Count > 1 || _defaults.Count > 0 || (_alternatives.Count == 1 && _alternatives[0].Kind != AltKind.Always);

        private enum AltKind { Always, With, Without, UpTo, Above, PerItem, When, Unless }

        private sealed class Alternative
        {
            public AltKind Kind;
            public int Weight;
            public string Parameter = "";
            public long Bound;
            public HashSet<string>? Values;
        }

        private static readonly Regex FirstNumber = new Regex(@"\d+", RegexOptions.CultureInvariant);
        private static readonly Regex Number = new Regex(@"^(\d+)$", RegexOptions.CultureInvariant);
        private static readonly Regex With = new Regex(@"^(\d+) with (\w+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex Without = new Regex(@"^(\d+) without(?: (\w+))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex UpTo = new Regex(@"^(\d+) (?:for (\w+) )?up to (\d+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex Above = new Regex(@"^(\d+) above$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex Per = new Regex(@"^(\d+) per (\w+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex AtMost = new Regex(@"^at most (\d+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex WhenIs = new Regex(@"^(\d+) (when|unless) (\w+) is ([\w.-]+(?: or [\w.-]+)*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly Regex Default = new Regex(@"^default (\w+) (\d+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>The rule a weight text states; null when the text holds no number.</summary>
        public static WeightRule? Parse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            string trimmed = text!.Trim().TrimEnd('.');
            Match first = FirstNumber.Match(trimmed);
            if (!first.Success || !int.TryParse(first.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int fallback)) return null;

            var alternatives = new List<Alternative>();
            var defaults = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
            int? cap = null;
            string last = "";
            bool understood = true;
            foreach (string raw in trimmed.Split(','))
            {
                string part = Regex.Replace(raw.Trim(), @"\s+", " ");
                Match m;
                if ((m = Number.Match(part)).Success) alternatives.Add(new Alternative { Kind = AltKind.Always, Weight = Int(m.Groups[1]) });
                else if ((m = With.Match(part)).Success) alternatives.Add(new Alternative { Kind = AltKind.With, Weight = Int(m.Groups[1]), Parameter = last = m.Groups[2].Value });
                else if ((m = Without.Match(part)).Success && (m.Groups[2].Success || last.Length > 0))
                    alternatives.Add(new Alternative { Kind = AltKind.Without, Weight = Int(m.Groups[1]), Parameter = last = m.Groups[2].Success ? m.Groups[2].Value : last });
                else if ((m = UpTo.Match(part)).Success && (m.Groups[2].Success || last.Length > 0))
                    alternatives.Add(new Alternative { Kind = AltKind.UpTo, Weight = Int(m.Groups[1]), Parameter = last = m.Groups[2].Success ? m.Groups[2].Value : last, Bound = long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) });
                else if ((m = Above.Match(part)).Success && last.Length > 0) alternatives.Add(new Alternative { Kind = AltKind.Above, Weight = Int(m.Groups[1]), Parameter = last });
                else if ((m = Per.Match(part)).Success) alternatives.Add(new Alternative { Kind = AltKind.PerItem, Weight = Int(m.Groups[1]), Parameter = last = m.Groups[2].Value });
                else if ((m = WhenIs.Match(part)).Success)
                    alternatives.Add(new Alternative
                    {
                        Kind = string.Equals(m.Groups[2].Value, "when", StringComparison.OrdinalIgnoreCase) ? AltKind.When : AltKind.Unless,
                        Weight = Int(m.Groups[1]),
                        Parameter = last = m.Groups[3].Value,
                        Values = new HashSet<string>(Regex.Split(m.Groups[4].Value, " or ", RegexOptions.IgnoreCase), StringComparer.OrdinalIgnoreCase),
                    });
                else if ((m = AtMost.Match(part)).Success) cap = Int(m.Groups[1]);
                else if ((m = Default.Match(part)).Success) defaults[m.Groups[1].Value] = long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                else { understood = false; break; }
            }
            if (!understood || alternatives.Count == 0)
                return new WeightRule(new List<Alternative> { new Alternative { Kind = AltKind.Always, Weight = fallback } }, new Dictionary<string, long>(), null, fallback, trimmed, freeText: true);
            return new WeightRule(alternatives, defaults, cap, fallback, trimmed);
        }

        private static int Int(Group g) => int.TryParse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : int.MaxValue;

        /// <summary>The weight of a request with these parameter values (names match in any case; empty values are not sent).</summary>
        public int Evaluate(IEnumerable<KeyValuePair<string, string>> values)
        {
            var given = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var kv in values)
                if (!string.IsNullOrEmpty(kv.Value) && !given.ContainsKey(kv.Key)) given[kv.Key] = kv.Value;

            foreach (Alternative a in _alternatives)
            {
                switch (a.Kind)
                {
                    case AltKind.Always: return Capped(a.Weight);
                    case AltKind.With: if (given.ContainsKey(a.Parameter)) return Capped(a.Weight); break;
                    case AltKind.Without: if (!given.ContainsKey(a.Parameter)) return Capped(a.Weight); break;
                    case AltKind.UpTo:
                        if (ValueOf(a.Parameter, given) is long v && v <= a.Bound) return Capped(a.Weight);
                        break;
                    case AltKind.Above:
                        if (ValueOf(a.Parameter, given) != null) return Capped(a.Weight);
                        break;
                    case AltKind.When:
                        if (given.TryGetValue(a.Parameter, out string? isValue) && a.Values!.Contains(isValue.Trim())) return Capped(a.Weight);
                        break;
                    case AltKind.Unless:
                        if (!given.TryGetValue(a.Parameter, out string? notValue) || !a.Values!.Contains(notValue.Trim())) return Capped(a.Weight);
                        break;
                    case AltKind.PerItem:
                        long count = Math.Max(1, CountOf(a.Parameter, given));
                        return Capped((int)Math.Min(int.MaxValue, a.Weight * count));
                }
            }
            return Capped(Fallback);
        }

        private int Capped(int weight) => _cap is int cap && weight > cap ? cap : weight;

        /// <summary>A number parameter's value, a list's item count, or the stated default when it is not sent.</summary>
        private long? ValueOf(string name, Dictionary<string, string> given)
        {
            if (given.TryGetValue(name, out string? value))
            {
                string v = value.Trim();
                if (long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n)) return n;
                if (v.StartsWith("[", StringComparison.Ordinal)) return ItemCount(v);
                return null;
            }
            return _defaults.TryGetValue(name, out long d) ? d : (long?)null;
        }

        /// <summary>How many items a parameter names: "symbol" counts a symbols list too (Binance's singular and plural forms).</summary>
        private static long CountOf(string name, Dictionary<string, string> given)
        {
            if (given.TryGetValue(name + "s", out string? plural)) return ItemCount(plural);
            if (given.TryGetValue(name, out string? value)) return value.TrimStart().StartsWith("[", StringComparison.Ordinal) ? ItemCount(value) : 1;
            return 0;
        }

        private static long ItemCount(string list)
        {
            string inner = list.Trim().TrimStart('[').TrimEnd(']');
            if (inner.Trim().Length == 0) return 0;
            long n = 0;
            foreach (string item in inner.Split(','))
                if (item.Trim().Trim('"').Length > 0) n++;
            return n;
        }

        public override string ToString() => Text;
    }
}
