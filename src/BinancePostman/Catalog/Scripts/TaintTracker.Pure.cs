using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace BinancePostman.Catalog.Scripts
{
    /// <summary>Calls that only compute: what goes in comes out; text is decoded where it is known (so hidden names show).</summary>
    internal sealed partial class TaintTracker
    {
        private static readonly string[] ValueProperty = { "value" };
        private static readonly string[] GetProperty = { "get" };

        private static string? FirstOf(IReadOnlyList<string>? strings) => strings == null || strings.Count == 0 ? null : strings[0];

        private TaintValue Pure(string path, string method, TaintValue? receiver, List<TaintValue> arguments, List<Taint> sent, int line, Scope scope, CallNode? call)
        {
            TaintValue Argument(int i) => i < arguments.Count ? arguments[i] : TaintValue.Undefined;
            var taints = sent.Concat(receiver?.DeepTaints() ?? Array.Empty<Taint>()).Distinct().ToList();
            TaintValue Text(IEnumerable<string>? strings) => TaintValue.Unknown.WithStrings(strings).WithTaints(taints);

            switch (path)
            {
                case "atob":
                    if (Argument(0).Strings != null) Hide(line, "atob");
                    return Decoded(Argument(0).Strings?.Select(FromBase64), line, taints);
                case "btoa":
                    return Text(Argument(0).Strings?.Select(s => Convert.ToBase64String(Encoding.UTF8.GetBytes(s))));
                case "String.fromCharCode":
                case "String.fromCodePoint":
                    if (arguments.Count > 0 && arguments.All(a => a.Number != null)) Hide(line, "fromCharCode");
                    return Decoded(arguments.All(a => a.Number != null)
                        ? new[] { string.Concat(arguments.Select(a => char.ConvertFromUtf32((int)Math.Max(0, Math.Min(0x10FFFF, a.Number!.Value))))) }
                        : null, line, taints);
                case "unescape":
                    if (Argument(0).Strings != null) Hide(line, "unescape");
                    return Decoded(Argument(0).Strings?.Select(Unescape), line, taints);
                case "decodeURIComponent":
                case "decodeURI":
                    return Decoded(Argument(0).Strings?.Select(Unescape), line, taints);
                case "encodeURIComponent":
                case "encodeURI":
                case "escape":
                    return Text(Argument(0).Strings?.Select(Uri.EscapeDataString));
                case "String":
                    return Argument(0).Strings != null ? Text(Argument(0).Strings) : TaintValue.OfTaints(taints);
                case "JSON.parse":
                    return TaintValue.OfObject(new ObjectCell { Other = TaintValue.OfTaints(taints) });
                case "Object.assign":
                {
                    TaintValue target = Argument(0);
                    foreach (TaintValue source in arguments.Skip(1))
                        foreach (ObjectCell cell in target.Objects)
                        {
                            foreach (ObjectCell inner in source.Objects)
                                foreach (var member in inner.Members) Put(cell, member.Key, member.Value);
                            if (source.Taints.Count > 0 || source.Objects.Count == 0) cell.Other = TaintValue.Merge(cell.Other, source.Derived());
                        }
                    var added = arguments.Skip(1).SelectMany(a => a.DeepTaints()).ToList();
                    if (call != null && call.Arguments.Count > 0) Absorb(call.Arguments[0], added, scope);
                    return target.Objects.Count > 0 ? target : TaintValue.OfTaints(taints);
                }
                case "Object.keys":
                case "Object.getOwnPropertyNames":
                {
                    var names = Argument(0).Objects.SelectMany(c => c.Members.Keys).Distinct().ToList();
                    bool complete = Argument(0).Objects.Count > 0 && Argument(0).Objects.All(c => ReferenceEquals(c.Other, TaintValue.Undefined));
                    return TaintValue.OfObject(new ObjectCell { Other = complete ? TaintValue.OfStrings(names) : TaintValue.Unknown });
                }
                case "Object.values":
                    return TaintValue.OfObject(new ObjectCell { Other = Member(Argument(0), null, line) });
                case "Object.entries":
                {
                    var entry = new ObjectCell { Elements = new List<TaintValue> { TaintValue.Unknown, Member(Argument(0), null, line) } };
                    return TaintValue.OfObject(new ObjectCell { Other = TaintValue.OfObject(entry) });
                }
                case "Object.fromEntries":
                    return TaintValue.OfObject(new ObjectCell { Other = ElementOf(ElementOf(Argument(0))) });
                case "Object.defineProperty":
                {
                    TaintValue descriptor = Argument(2);
                    TaintValue value = TaintValue.Merge(Member(descriptor, ValueProperty, line), Getters(Member(descriptor, GetProperty, line), Argument(0)));
                    SetMember(Argument(0), Argument(1).Strings, value, line);
                    if (call != null && call.Arguments.Count > 0) Absorb(call.Arguments[0], value.DeepTaints(), scope);
                    return Argument(0);
                }
                case "Object.defineProperties":
                case "Object.create" when arguments.Count > 1:
                {
                    TaintValue target = path == "Object.create" ? TaintValue.OfObject(new ObjectCell()) : Argument(0);
                    TaintValue descriptors = Argument(1);
                    foreach (ObjectCell cell in descriptors.Objects)
                        foreach (var member in cell.Members)
                        {
                            TaintValue value = TaintValue.Merge(Member(member.Value, ValueProperty, line), Getters(Member(member.Value, GetProperty, line), target));
                            SetMember(target, new[] { member.Key }, value, line);
                        }
                    if (path != "Object.create" && call != null && call.Arguments.Count > 0) Absorb(call.Arguments[0], descriptors.DeepTaints(), scope);
                    return target;
                }
                case "Object.freeze":
                case "Object.seal":
                case "Promise.resolve":
                case "Promise.all":
                case "Promise.allSettled":
                case "Promise.race":
                case "Promise.any":
                case "structuredClone":
                    return Argument(0);
                case "Array.from":
                {
                    TaintValue elements = ElementOf(Argument(0));
                    TaintValue mapped = arguments.Count > 1 ? Callbacks(arguments.Skip(1).Take(1), elements, TaintValue.Unknown) : elements;
                    return TaintValue.OfObject(new ObjectCell { Other = mapped });
                }
                case "Array.of":
                    return TaintValue.OfObject(new ObjectCell { Elements = new List<TaintValue>(arguments) });
                case "Buffer.from":
                {
                    string? encoding = Argument(1).Strings is IReadOnlyList<string> e && e.Count == 1 ? e[0].ToLowerInvariant() : null;
                    IEnumerable<string>? strings = Argument(0).Strings;
                    if (encoding == "base64" || encoding == "hex")
                    {
                        if (strings != null) Hide(line, "Buffer.from(..., '" + encoding + "')");
                        return Decoded(strings?.Select(s => encoding == "hex" ? FromHex(s) : FromBase64(s)).ToList(), line, taints);
                    }
                    return TaintValue.OfPath("Buffer#instance").WithStrings(strings).WithTaints(taints);
                }
            }
            // toString() of decoded text keeps the text (Buffer.from(x, 'base64').toString())
            if ((method == "toString" || method == "valueOf") && receiver?.Strings != null && FirstOf(Argument(0).Strings) != "base64" && FirstOf(Argument(0).Strings) != "hex")
                return Text(receiver.Strings);
            Callbacks(arguments, receiver != null ? ElementOf(receiver) : TaintValue.OfTaints(taints), TaintValue.Unknown);
            return TaintValue.OfPath(path + "()").WithTaints(taints);
        }

        private void Hide(int line, string how)
        {
            if (Once(line, "hidden:" + how)) _facts.Hidden.Add((line, how));
        }

        /// <summary>Decoded text is text the script holds: hosts in it count, and it may name a variable.</summary>
        private TaintValue Decoded(IEnumerable<string?>? strings, int line, List<Taint> taints)
        {
            if (strings == null) return TaintValue.OfTaints(taints);
            var list = strings.Select(s => s ?? "").ToList();
            foreach (string s in list) Text(s, line, 0);
            return TaintValue.Unknown.WithStrings(list).WithTaints(taints);
        }

        private static string? FromBase64(string s)
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(s.Trim()));
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private static string? FromHex(string s)
        {
            if (s.Length % 2 != 0) return null;
            var bytes = new byte[s.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
                if (!byte.TryParse(s.Substring(i * 2, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out bytes[i])) return null;
            return Encoding.UTF8.GetString(bytes);
        }

        private static string Unescape(string s)
        {
            try
            {
                return Uri.UnescapeDataString(s);
            }
            catch (UriFormatException)
            {
                return s;
            }
        }
    }

    /// <summary>String methods worked out on known text (split names put back together: 'secret'.split('').reverse().join('')...).</summary>
    internal static class StringFolding
    {
        public static IEnumerable<string>? Fold(string name, IReadOnlyList<string> strings, List<TaintValue> arguments)
        {
            string? Text(int i) => i < arguments.Count && arguments[i].Strings is IReadOnlyList<string> s && s.Count == 1 ? s[0] : null;
            int? Number(int i) => i < arguments.Count && arguments[i].Number is double d && !double.IsNaN(d) ? (int)Math.Max(int.MinValue, Math.Min(int.MaxValue, d)) : (int?)null;
            Func<string, string?>? f;
            switch (name)
            {
                case "toLowerCase":
                case "toLocaleLowerCase":
                    f = s => s.ToLowerInvariant(); break;
                case "toUpperCase":
                case "toLocaleUpperCase":
                    f = s => s.ToUpperInvariant(); break;
                case "trim": f = s => s.Trim(); break;
                case "trimStart":
                case "trimLeft": f = s => s.TrimStart(); break;
                case "trimEnd":
                case "trimRight": f = s => s.TrimEnd(); break;
                case "toString":
                case "valueOf":
                case "normalize":
                    f = s => s; break;
                case "concat":
                    if (arguments.Any(a => a.Strings == null || a.Strings.Count != 1)) return null;
                    f = s => s + string.Concat(arguments.Select(a => a.Strings![0])); break;
                case "slice":
                    f = s => Slice(s, Number(0) ?? 0, Number(1)); break;
                case "substring":
                    f = s =>
                    {
                        int a = Clamp(Number(0) ?? 0, s.Length), b = Clamp(Number(1) ?? s.Length, s.Length);
                        return s.Substring(Math.Min(a, b), Math.Abs(b - a));
                    };
                    break;
                case "substr":
                    f = s =>
                    {
                        int start = Number(0) ?? 0;
                        if (start < 0) start = Math.Max(0, s.Length + start);
                        start = Math.Min(start, s.Length);
                        int length = Math.Max(0, Math.Min(Number(1) ?? s.Length, s.Length - start));
                        return s.Substring(start, length);
                    };
                    break;
                case "charAt":
                case "at":
                    f = s =>
                    {
                        int i = Number(0) ?? 0;
                        if (name == "at" && i < 0) i += s.Length;
                        return i >= 0 && i < s.Length ? s[i].ToString() : "";
                    };
                    break;
                case "replace":
                case "replaceAll":
                {
                    string? from = Text(0), to = Text(1);
                    if (from == null || to == null) return null;
                    f = s =>
                    {
                        if (name == "replaceAll") return from.Length == 0 ? s : s.Replace(from, to);
                        int at = s.IndexOf(from, StringComparison.Ordinal);
                        return at < 0 ? s : s.Substring(0, at) + to + s.Substring(at + from.Length);
                    };
                    break;
                }
                case "padStart":
                case "padEnd":
                {
                    int width = Number(0) ?? 0;
                    string fill = Text(1) ?? " ";
                    if (width > 4096 || fill.Length == 0) return null;
                    f = s =>
                    {
                        if (s.Length >= width) return s;
                        var pad = new StringBuilder();
                        while (pad.Length < width - s.Length) pad.Append(fill);
                        string p = pad.ToString().Substring(0, width - s.Length);
                        return name == "padStart" ? p + s : s + p;
                    };
                    break;
                }
                case "repeat":
                {
                    int count = Number(0) ?? -1;
                    if (count < 0 || count > 64) return null;
                    f = s => string.Concat(Enumerable.Repeat(s, count));
                    break;
                }
                default:
                    return null;
            }
            var folded = new List<string>();
            foreach (string s in strings)
            {
                string? r = f(s);
                if (r == null || r.Length > 4096) return null;
                folded.Add(r);
            }
            return folded;
        }

        private static int Clamp(int i, int length) => Math.Max(0, Math.Min(i, length));

        private static string Slice(string s, int start, int? end)
        {
            int a = start < 0 ? Math.Max(0, s.Length + start) : Math.Min(start, s.Length);
            int b = end == null ? s.Length : end < 0 ? Math.Max(0, s.Length + end.Value) : Math.Min(end.Value, s.Length);
            return b > a ? s.Substring(a, b - a) : "";
        }
    }

    /// <summary>Hosts of http(s) and ws(s) URLs in text.</summary>
    internal static class UrlHosts
    {
        private static readonly System.Text.RegularExpressions.Regex Url = new System.Text.RegularExpressions.Regex(
            @"\b(?:https?|wss?)://(?:[^/?#@\s'""`]*@)?([A-Za-z0-9.\-]+|\[[0-9A-Fa-f:.]+\])",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase);

        public static IEnumerable<string> In(string text)
        {
            if (text.IndexOf("://", StringComparison.Ordinal) < 0) yield break;
            foreach (System.Text.RegularExpressions.Match m in Url.Matches(text))
                yield return m.Groups[1].Value.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        }
    }
}
