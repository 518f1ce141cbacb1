using System;
using System.Globalization;
using System.Management.Automation;

namespace BinancePostman.Commands
{
    /// <summary>-Duration as a TimeSpan, a string PowerShell reads as one ('00:05:00'), or a number of seconds (90): PowerShell alone would read 90 as ticks.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class DurationTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject pso ? pso.BaseObject : inputData;
            switch (value)
            {
                case TimeSpan span:
                    return span;
                case int i:
                    return TimeSpan.FromSeconds(i);
                case long l:
                    return TimeSpan.FromSeconds(l);
                case double d:
                    return TimeSpan.FromSeconds(d);
                case decimal m:
                    return TimeSpan.FromSeconds((double)m);
                case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds):
                    return TimeSpan.FromSeconds(seconds);
                case string s when TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out TimeSpan parsed):
                    return parsed;
                default:
                    throw new ArgumentTransformationMetadataException($"'{value}' is not a duration: give seconds (90), a time span ('01:30:00') or New-TimeSpan.");
            }
        }
    }
}
