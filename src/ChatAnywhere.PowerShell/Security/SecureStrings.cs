using System;
using System.Runtime.InteropServices;
using System.Security;

namespace ChatAnywhere.PowerShell.Security
{
    /// <summary>
    /// Conversions between SecureString and text. Unwrapping goes through unmanaged memory that is
    /// zeroed at once; ConvertFrom-SecureString -AsPlainText does not exist in Windows PowerShell 5.1
    /// (toolchain notes, PowerShell facts).
    /// </summary>
    public static class SecureStrings
    {
        /// <summary>A read-only SecureString holding <paramref name="text"/>.</summary>
        public static SecureString FromPlainText(string text)
        {
            var secure = new SecureString();
            foreach (var c in text ?? string.Empty)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }

        /// <summary>The text of <paramref name="secure"/>.</summary>
        public static string ToPlainText(SecureString secure)
        {
            if (secure is null || secure.Length == 0)
            {
                return string.Empty;
            }

            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                return Marshal.PtrToStringUni(pointer, secure.Length);
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }
    }
}
