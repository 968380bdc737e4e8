using System.Net;
using System.Security;

namespace ChatAnywhere.PowerShell.Security
{
    /// <summary>
    /// Conversions between SecureString and text, through NetworkCredential (in .NET Framework and .NET
    /// alike), which unwraps through zeroed unmanaged memory; ConvertFrom-SecureString -AsPlainText does
    /// not exist in Windows PowerShell 5.1 (docs/reference/toolchain-notes.md, PowerShell facts).
    /// </summary>
    public static class SecureStrings
    {
        /// <summary>A read-only SecureString holding <paramref name="text"/>.</summary>
        public static SecureString FromPlainText(string text)
        {
            var secure = new NetworkCredential(string.Empty, text ?? string.Empty).SecurePassword;
            secure.MakeReadOnly();
            return secure;
        }

        /// <summary>The text of <paramref name="secure"/>; empty for null.</summary>
        public static string ToPlainText(SecureString secure) =>
            secure is null ? string.Empty : new NetworkCredential(string.Empty, secure).Password;
    }
}
