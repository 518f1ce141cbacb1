using System;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BinancePostman.Session
{
    /// <summary>
    /// A .NET value as the text Binance expects: numbers in invariant culture with no exponent and no lost digits,
    /// booleans as true/false, times as Unix milliseconds, arrays and dictionaries as compact JSON
    /// (symbols=["BTCUSDT","BNBUSDT"]). Callers unwrap PowerShell wrappers first. Null means "not sent".
    /// </summary>
    public static class ParameterValueFormatter
    {
        private static readonly JsonWriterOptions JsonOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static string? Format(object? value)
        {
            switch (value)
            {
                case null: return null;
                case string s: return s;
                case bool b: return b ? "true" : "false";
                case decimal m: return m.ToString(CultureInfo.InvariantCulture);
                case double d: return FormatDouble(d);
                case float f: return FormatDouble(f);
                case DateTime dt: return ToUnixMs(dt).ToString(CultureInfo.InvariantCulture);
                case DateTimeOffset dto: return dto.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                case Enum e: return e.ToString();
                case IDictionary _:
                case IEnumerable _:
                    return ToJson(value);
                case IFormattable formattable: return formattable.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString();
            }
        }

        /// <summary>DateTime of Kind Unspecified is taken as local time, as Get-Date and [datetime] casts give it.</summary>
        public static long ToUnixMs(DateTime dt)
        {
            DateTime utc = dt.Kind == DateTimeKind.Utc ? dt : dt.ToUniversalTime();
            return (long)(utc - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalMilliseconds;
        }

        private static string FormatDouble(double d)
        {
            if (double.IsNaN(d) || double.IsInfinity(d))
                throw new ArgumentException("The number " + d.ToString(CultureInfo.InvariantCulture) + " cannot be sent to Binance.");
            return ExpandExponent(d.ToString("R", CultureInfo.InvariantCulture));
        }

        private static readonly char[] ExponentMarks = { 'E', 'e' };

        /// <summary>"1E-08" to "0.00000001", "1.5E+20" to "150000000000000000000": same digits, no exponent.</summary>
        internal static string ExpandExponent(string text)
        {
            int e = text.IndexOfAny(ExponentMarks);
            if (e < 0) return text;
            int exponent = int.Parse(text.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            string mantissa = text.Substring(0, e);
            bool negative = mantissa.StartsWith("-", StringComparison.Ordinal);
            if (negative) mantissa = mantissa.Substring(1);
            int dot = mantissa.IndexOf('.');
            string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
            int point = (dot < 0 ? mantissa.Length : dot) + exponent;
            string result;
            if (point <= 0) result = "0." + new string('0', -point) + digits;
            else if (point >= digits.Length) result = digits + new string('0', point - digits.Length);
            else result = digits.Substring(0, point) + "." + digits.Substring(point);
            return (negative ? "-" : "") + result;
        }

        private static string ToJson(object value)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, JsonOptions))
                WriteJson(writer, value);
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static void WriteJson(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string s: writer.WriteStringValue(s); break;
                case bool b: writer.WriteBooleanValue(b); break;
                case IDictionary dict:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in dict)
                    {
                        writer.WritePropertyName(entry.Key?.ToString() ?? "");
                        WriteJson(writer, entry.Value);
                    }
                    writer.WriteEndObject();
                    break;
                case IEnumerable list:
                    writer.WriteStartArray();
                    foreach (object? item in list) WriteJson(writer, item);
                    writer.WriteEndArray();
                    break;
                case sbyte _: case byte _: case short _: case ushort _: case int _: case uint _: case long _: case ulong _:
                case decimal _: case double _: case float _:
                    writer.WriteRawValue(Format(value)!, skipInputValidation: true);
                    break;
                default:
                    writer.WriteStringValue(Format(value));
                    break;
            }
        }
    }
}
