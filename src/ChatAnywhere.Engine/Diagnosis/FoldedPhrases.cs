using System.Runtime.CompilerServices;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// The tables' phrases, folded once (<see cref="TextFolding"/>) and kept. The phrases are string
    /// literals, so the same instance comes back on every call: looking it up by reference is cheaper
    /// than hashing its characters.
    /// </summary>
    internal static class FoldedPhrases
    {
        private static readonly ConditionalWeakTable<string, string> Folded = new ConditionalWeakTable<string, string>();

        public static string Of(string phrase) => Folded.GetValue(phrase, TextFolding.Fold);
    }
}
