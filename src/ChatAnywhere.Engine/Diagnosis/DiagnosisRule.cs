using System;
using System.Collections.Generic;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// One row of the diagnosis table: when an answer matches, the verdict, reason and advice it
    /// gets, and the evidence (fixture ids, issue URLs) that justify the row.
    /// Diagnosis and recommendation lines may use placeholders filled per answer:
    /// {BaseUri} {DefaultBaseUri} {OverseasBaseUri} {StatusPage} {Location} {DailyReset} {RetryAfter} {Model} {Status}.
    /// </summary>
    public sealed class DiagnosisRule
    {
        /// <summary>Creates a row.</summary>
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

        /// <summary>A short name, shown in Debug output.</summary>
        public string Name { get; }

        /// <summary>The signature an answer must show.</summary>
        public Func<ResponseFacts, bool> Matches { get; }

        /// <summary>The verdict.</summary>
        public KeyVerdict Verdict { get; }

        /// <summary>The finer reason.</summary>
        public VerdictReason Reason { get; }

        /// <summary>Fixture ids or URLs of real answers that justify the row.</summary>
        public IReadOnlyList<string> Evidence { get; }

        /// <summary>Likely causes, most likely first.</summary>
        public IReadOnlyList<string> Diagnosis { get; }

        /// <summary>Next steps.</summary>
        public IReadOnlyList<string> Recommendation { get; }

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
