using System.Collections.Generic;
using System.Linq;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// The diagnosis tables in the order they are read; the first matching row decides.
    /// <list type="number">
    /// <item>What kind of answer it is, and where the key went (<see cref="ShapeRules"/>).</item>
    /// <item>(a) Structured codes anywhere in the body (<see cref="CodeRules"/>).</item>
    /// <item>(c) Pages and headers of what stands in front of the API (<see cref="SignatureRules"/>),
    /// before the words: such a page proves the API never read the request.</item>
    /// <item>(b) The words of the message, English and Chinese (<see cref="PhraseRules"/>).</item>
    /// <item>(d) The status alone (<see cref="StatusRules"/>).</item>
    /// </list>
    /// Evidence ids are rows of corpus/answers; docs/verdicts.md defines the verdicts.
    /// </summary>
    internal static class DiagnosisRules
    {
        /// <summary>The tables by name, in the order they are read.</summary>
        public static readonly IReadOnlyList<KeyValuePair<string, DiagnosisRule[]>> Layers = new[]
        {
            Layer("shape", ShapeRules.All),
            Layer("codes", CodeRules.All),
            Layer("signatures", SignatureRules.All),
            Layer("phrases", PhraseRules.All),
            Layer("status", StatusRules.All),
        };

        /// <summary>Every row, in the order they are tried.</summary>
        public static readonly IReadOnlyList<DiagnosisRule> All = Layers.SelectMany(layer => layer.Value).ToArray();

        private static KeyValuePair<string, DiagnosisRule[]> Layer(string name, DiagnosisRule[] rows)
        {
            foreach (var row in rows)
            {
                row.Layer = name;
            }

            return new KeyValuePair<string, DiagnosisRule[]>(name, rows);
        }
    }
}
