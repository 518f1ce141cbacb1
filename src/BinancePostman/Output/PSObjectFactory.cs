using System;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Reflection;

namespace BinancePostman.Output
{
    /// <summary>
    /// Empty PSObjects for JSON objects. PowerShell 7 has a public constructor that sizes the member collection up
    /// front (ConvertFrom-Json uses it); without it, the first note property makes PowerShell look the object up in
    /// a process-wide weak table, which costs a GC handle per object. Windows PowerShell 5.1 has no such constructor:
    /// there the plain one is used. The reference assemblies are 5.1's, so the constructor is found at run time.
    /// </summary>
    internal static class PSObjectFactory
    {
        private static readonly Func<int, PSObject>? Sized = Find();

        public static PSObject Create(int capacity) => Sized != null ? Sized(capacity) : new PSObject();

        private static Func<int, PSObject>? Find()
        {
            try
            {
                ConstructorInfo? ctor = typeof(PSObject).GetConstructor(BindingFlags.Public | BindingFlags.Instance, null, new[] { typeof(int) }, null);
                if (ctor == null) return null;
                ParameterExpression capacity = Expression.Parameter(typeof(int), "capacity");
                return Expression.Lambda<Func<int, PSObject>>(Expression.New(ctor, capacity), capacity).Compile();
            }
            catch (Exception)
            {
                return null;
            }
        }
    }
}
