using System;
using System.Management.Automation;
using System.Security;
using ChatAnywhere.PowerShell.Security;

namespace ChatAnywhere.PowerShell.Validation
{
    /// <summary>
    /// Refuses at binding a secret (string or SecureString) with a control character inside it: an
    /// HTTP header cannot carry CR, LF or NUL, and .NET would throw FormatException at the first
    /// request (issue 16). Leading and trailing whitespace is allowed: it is trimmed before use.
    /// The message never shows the value.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateNoControlCharactersAttribute : ValidateArgumentsAttribute
    {
        /// <summary>The problem with <paramref name="secret"/>, or null when it can go in a header.</summary>
        public static string? Problem(string? secret)
        {
            var trimmed = (secret ?? string.Empty).Trim();
            for (var i = 0; i < trimmed.Length; i++)
            {
                if (char.IsControl(trimmed[i]))
                {
                    return $"The access token has a control character (U+{(int)trimmed[i]:X4}) at position {i + 1}: a line break, tab or NUL picked up when copying. Copy it again from the relay's dashboard.";
                }
            }

            return null;
        }

        /// <inheritdoc />
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            var text = value switch
            {
                SecureString secure => SecureStrings.ToPlainText(secure),
                string plain => plain,
                _ => null,
            };

            // A SecureString's text ends at a NUL on the way out: a shorter text means one was inside.
            if (value is SecureString whole && text is not null && text.Length != whole.Length)
            {
                text += "\0";
            }

            if (Problem(text) is string problem)
            {
                throw new ValidationMetadataException(problem);
            }
        }
    }
}
