using System.Globalization;
using System.Management.Automation;
using System.Reflection;

namespace BinancePostman.Commands
{
    /// <summary>
    /// An order value as the user wrote it: an empty CSV cell or an empty string is "not given" (null, not 0), and a
    /// number literal typed at the prompt keeps all its digits (PowerShell reads 0.12345678901234567 as a double,
    /// which has only about 15; the literal's text is parsed as a decimal instead).
    /// </summary>
    public sealed class OrderNumberAttribute : ArgumentTransformationAttribute
    {
        private static readonly PropertyInfo? TokenText = typeof(PSObject).GetProperty("TokenText", BindingFlags.Instance | BindingFlags.NonPublic);

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (value is string s && s.Trim().Length == 0) return null;
            if (inputData is PSObject wrapped && value is double && TokenText?.GetValue(wrapped) is string text
                && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal exact))
                return exact;
            return inputData;
        }
    }
}
