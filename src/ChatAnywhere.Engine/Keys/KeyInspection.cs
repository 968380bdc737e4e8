using System;
using System.Collections.Generic;

namespace ChatAnywhere.Engine.Keys
{
    /// <summary>What <see cref="KeyInspector"/> found in a key as it was typed or pasted.</summary>
    internal sealed class KeyInspection
    {
        internal KeyInspection(string cleanedKey, IReadOnlyList<string> removed, VerdictReason problem, KeyShape shape)
        {
            CleanedKey = cleanedKey;
            Removed = removed;
            Problem = problem;
            Shape = shape;
        }

        /// <summary>The key with surrounding whitespace, quotes and a Bearer prefix removed.</summary>
        public string CleanedKey { get; }

        /// <summary>What was removed from around the key, described for a person ("a trailing line break").</summary>
        public IReadOnlyList<string> Removed { get; }

        /// <summary>True when something was removed from around the key.</summary>
        public bool WasCleaned => Removed.Count > 0;

        /// <summary>True when nothing is left once the surroundings are removed.</summary>
        public bool IsEmpty => CleanedKey.Length == 0;

        /// <summary>A defect that makes the key unusable, so it must not be sent; <see cref="VerdictReason.None"/> if none.</summary>
        public VerdictReason Problem { get; }

        /// <summary>True when the key must not be sent.</summary>
        public bool IsMalformed => Problem != VerdictReason.None;

        /// <summary>The key's family, from its text.</summary>
        public KeyShape Shape { get; }

        /// <summary>The masked key, safe to show.</summary>
        public string Masked => KeyMask.Mask(CleanedKey);

        /// <summary>The key's fingerprint, safe to show.</summary>
        public string Fingerprint => KeyMask.Fingerprint(CleanedKey);

        // Made on first use: most valid keys have no text to redact.
        private SecretPattern? _pattern;

        private SecretPattern Pattern => _pattern ??= new SecretPattern(CleanedKey);

        /// <summary>
        /// <paramref name="text"/> with this key in any echoed form (<see cref="SecretPattern"/>), and anything else shaped like a key, masked.
        /// Per key rather than through a shared list, so the cost does not grow with the number of keys.
        /// </summary>
        public string Redact(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            var result = CleanedKey.Length >= 4 ? Pattern.Apply(text!) : text!;
            return SecretRedactor.RedactKeyLike(result);
        }

        /// <inheritdoc />
        public override string ToString() => Masked;

        internal static readonly IReadOnlyList<string> NothingRemoved = Array.Empty<string>();
    }
}
