using System;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// An answer's folded text, with a table of the character pairs it contains so that most phrases
    /// of the tables (which mostly do not occur) are ruled out without a search: the tables ask a few
    /// hundred phrases of every answer (bench/Measure-Classifier.ps1).
    /// </summary>
    internal sealed class FoldedText
    {
        private const int PairBits = 1 << 14;

        private readonly ulong[] _pairs = new ulong[PairBits / 64];

        public FoldedText(string value)
        {
            Value = value;
            for (var i = 1; i < value.Length; i++)
            {
                var pair = PairOf(value[i - 1], value[i]);
                _pairs[pair >> 6] |= 1UL << (pair & 63);
            }
        }

        /// <summary>The folded text.</summary>
        public string Value { get; }

        /// <summary>True when the text contains <paramref name="phrase"/> (already folded).</summary>
        public bool Contains(string phrase)
        {
            if (phrase.Length == 0)
            {
                return true;
            }

            // A phrase whose first or last pair of characters is absent cannot occur.
            if (phrase.Length >= 2 && (!HasPair(phrase[0], phrase[1]) || !HasPair(phrase[phrase.Length - 2], phrase[phrase.Length - 1])))
            {
                return false;
            }

            return Value.IndexOf(phrase, StringComparison.Ordinal) >= 0;
        }

        private bool HasPair(char first, char second)
        {
            var pair = PairOf(first, second);
            return (_pairs[pair >> 6] & (1UL << (pair & 63))) != 0;
        }

        private static int PairOf(char first, char second) => ((first * 31) + second) & (PairBits - 1);
    }
}
