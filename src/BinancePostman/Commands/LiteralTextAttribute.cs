using System;
using System.Management.Automation;
using System.Reflection;

namespace BinancePostman.Commands
{
    /// <summary>
    /// PowerShell reads `1d`, `1s` or `1l` in a command line as numbers (decimal 1, short 1, long 1), which would turn
    /// Binance's kline intervals into "1". String parameters get the text as typed; this gives the endpoint's
    /// object-typed parameters the same, for number literals written with a type suffix.
    /// </summary>
    public sealed class LiteralTextAttribute : ArgumentTransformationAttribute
    {
        // PowerShell keeps the typed text of a number literal on its PSObject wrapper (internal since v3)
        private static readonly PropertyInfo? TokenText = typeof(PSObject).GetProperty("TokenText", BindingFlags.Instance | BindingFlags.NonPublic);

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData is PSObject pso && TokenText != null && IsNumber(pso.BaseObject)
                && TokenText.GetValue(pso) is string text && text.Length > 1 && char.IsLetter(text[text.Length - 1]) && char.IsDigit(text[0]))
                return text;
            return inputData;
        }

        private static bool IsNumber(object value) =>
            value is decimal || value is short || value is sbyte || value is long || value is byte || value is ushort || value is uint || value is ulong || value is int || value is double;
    }
}
