using System;
using System.Management.Automation;
using System.Security;

namespace ChatAnywhere.PowerShell.Security
{
    /// <summary>
    /// Lets a SecureString parameter take a plain string too (typed at a prompt, read from a CSV).
    /// Anything else is passed through untouched, so pipeline binding can fall back to by-property-name.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null;
                case SecureString secure:
                    return secure;
                case string text:
                    return SecureStrings.FromPlainText(text);
                default:
                    // Left as it is: the binder then refuses it by value and tries the object's
                    // ApiKey / Key property (Import-Csv rows), or reports the type mismatch.
                    return inputData;
            }
        }
    }
}
