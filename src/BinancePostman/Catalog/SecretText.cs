using System;
using System.Text.RegularExpressions;

namespace BinancePostman.Catalog
{
    /// <summary>Tells variable names that hold keys from others, and real-looking key material from Binance's placeholders.</summary>
    internal static class SecretText
    {
        private static readonly Regex KeyName = new Regex(@"api[-_ ]?key|apikey|x-mbx-apikey", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex SecretName = new Regex(@"secret|private[-_ ]?key|passphrase|password|token", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex BinanceKeyShape = new Regex(@"^[A-Za-z0-9]{64}$", RegexOptions.CultureInvariant);
        private static readonly Regex Placeholder = new Regex(@"^(<.*>|\{\{.*\}\}|\$\{.*\}|x+|\*+|your[-_ ]?.*|.*[-_ ]?(here|example|placeholder|changeme)|api[-_ ]?key|api[-_ ]?secret|secret[-_ ]?key|private[-_ ]?key|key|secret|null|none|undefined|todo)$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public enum Kind { None, Key, Secret }

        /// <summary>What a variable of this name holds: an API key, a secret (or private key), or neither.</summary>
        public static Kind Of(string name)
        {
            if (SecretName.IsMatch(name)) return Kind.Secret;
            if (KeyName.IsMatch(name)) return Kind.Key;
            return Kind.None;
        }

        public static bool IsPem(string value) =>
            value.IndexOf("-----BEGIN", StringComparison.Ordinal) >= 0 && value.IndexOf("PRIVATE KEY-----", StringComparison.Ordinal) >= 0;

        /// <summary>The shape of Binance's HMAC API keys and secrets: 64 letters and digits.</summary>
        public static bool HasBinanceKeyShape(string value) => BinanceKeyShape.IsMatch(value.Trim());

        public static bool IsPlaceholder(string? value, string name)
        {
            string v = (value ?? "").Trim();
            return v.Length == 0 || string.Equals(v, name, StringComparison.OrdinalIgnoreCase) || Placeholder.IsMatch(v);
        }

        /// <summary>Key material rather than a placeholder: Binance's key shape, a PEM key, or a long unbroken value in a key or secret variable.</summary>
        public static bool LooksReal(string? value, string name)
        {
            if (IsPlaceholder(value, name)) return false;
            string v = value!.Trim();
            if (IsPem(v) || HasBinanceKeyShape(v)) return true;
            return Of(name) != Kind.None && v.Length >= 24 && v.IndexOf(' ') < 0;
        }
    }
}
