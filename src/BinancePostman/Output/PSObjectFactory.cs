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

        /// <summary>
        /// Whether Properties.Add stores a copy of the member it is given (PowerShell 5.1 and 7 do: the object
        /// gets its own instance member), so one PSNoteProperty per name can be handed over for every object with
        /// its value changed in between. Checked once, in case a PowerShell ever keeps the member itself.
        /// </summary>
        public static readonly bool AddCopiesMembers = ProbeAddCopies();

        public static PSObject Create(int capacity) => Sized != null ? Sized(capacity) : new PSObject();

        private static bool ProbeAddCopies()
        {
            try
            {
                var note = new PSNoteProperty("probe", 1);
                var first = new PSObject();
                first.Properties.Add(note, true);
                note.Value = 2;
                var second = new PSObject();
                second.Properties.Add(note, true);
                return !ReferenceEquals(first.Properties["probe"], note) && Equals(first.Properties["probe"].Value, 1)
                    && Equals(second.Properties["probe"].Value, 2);
            }
            catch (Exception)
            {
                return false;
            }
        }

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
