using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ChatAnywhere.Engine.Keys
{
    /// <summary>
    /// Masks secrets in any text before it is shown: the few secrets of an invocation it was told
    /// about (an access token, a proxy password), each in every form a server echoes it in
    /// (<see cref="SecretPattern"/>), and anything that looks like an unmasked sk- key. Keys
    /// themselves are masked per key with the same patterns (<see cref="KeyInspection.Redact"/>),
    /// so this list stays short however many keys are tested. Thread-safe.
    /// </summary>
    internal sealed class SecretRedactor
    {
        // sk- followed by a long run without the service's own '*' masking.
        private static readonly Regex KeyLike = new Regex(@"sk-[A-Za-z0-9_\-]{12,}", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        private readonly ConcurrentDictionary<string, SecretPattern> _secrets = new ConcurrentDictionary<string, SecretPattern>(StringComparer.Ordinal);

        /// <summary>Adds a secret (a key as typed or cleaned, an access token) to mask from now on.</summary>
        public void Register(string? secret)
        {
            if (!string.IsNullOrEmpty(secret) && secret!.Length >= 4)
            {
                _secrets.GetOrAdd(secret!, text => new SecretPattern(text));
            }
        }

        /// <summary>Returns <paramref name="text"/> with every known or key-like secret masked.</summary>
        public string Redact(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            var result = text!;
            foreach (KeyValuePair<string, SecretPattern> secret in _secrets)
            {
                result = secret.Value.Apply(result);
            }

            return RedactKeyLike(result);
        }

        /// <summary>Masks anything shaped like an sk- key, for text with no registered secrets.</summary>
        public static string RedactKeyLike(string text) =>
            string.IsNullOrEmpty(text) ? text : KeyLike.Replace(text, m => KeyMask.Mask(m.Value));
    }
}
