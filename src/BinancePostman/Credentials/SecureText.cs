using System;
using System.Runtime.InteropServices;
using System.Security;

namespace BinancePostman.Credentials
{
    /// <summary>Reads a SecureString for the moment it takes to parse a key, then lets the text go.</summary>
    internal static class SecureText
    {
        public static T Use<T>(SecureString secure, Func<string, T> use)
        {
            IntPtr ptr = IntPtr.Zero;
            try
            {
                ptr = Marshal.SecureStringToGlobalAllocUnicode(secure);
                return use(Marshal.PtrToStringUni(ptr) ?? "");
            }
            finally
            {
                if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
            }
        }
    }
}
