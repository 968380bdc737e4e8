using System;
using System.Collections.Generic;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// One row of a diagnosis table: the facts it looks for, the verdict and reason they lead to,
    /// the evidence (corpus ids, references) that justifies it, and what the admin reads.
    /// </summary>
    internal sealed class DiagnosisRule
    {
        /// <summary>A row whose texts are the reason's own (<see cref="VerdictAdvice"/>).</summary>
        public DiagnosisRule(string name, Func<ResponseFacts, bool> matches, KeyVerdict verdict, VerdictReason reason, params string[] evidence)
            : this(name, matches, verdict, reason, evidence, VerdictAdvice.For(reason).Diagnosis, VerdictAdvice.For(reason).Recommendation)
        {
        }

        /// <summary>A row with texts of its own.</summary>
        public DiagnosisRule(
            string name,
            Func<ResponseFacts, bool> matches,
            KeyVerdict verdict,
            VerdictReason reason,
            string[] evidence,
            string[] diagnosis,
            string[] recommendation)
        {
            Name = name;
            Matches = matches;
            Verdict = verdict;
            Reason = reason;
            Evidence = evidence;
            Diagnosis = diagnosis;
            Recommendation = recommendation;
        }

        /// <summary>What the row recognises, in a few words (shown in Verbose output).</summary>
        public string Name { get; }

        /// <summary>The table the row belongs to (set by <see cref="DiagnosisRules"/>).</summary>
        public string Layer { get; internal set; } = string.Empty;

        /// <summary>The facts the row looks for.</summary>
        public Func<ResponseFacts, bool> Matches { get; }

        /// <summary>The verdict these facts lead to.</summary>
        public KeyVerdict Verdict { get; }

        /// <summary>The finer cause.</summary>
        public VerdictReason Reason { get; }

        /// <summary>Corpus ids and references that justify the row.</summary>
        public IReadOnlyList<string> Evidence { get; }

        /// <summary>Likely causes, most likely first.</summary>
        public IReadOnlyList<string> Diagnosis { get; }

        /// <summary>Next steps.</summary>
        public IReadOnlyList<string> Recommendation { get; }

        /// <inheritdoc/>
        public override string ToString() => Name;
    }
}
