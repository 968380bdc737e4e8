using System;
using System.Collections.Generic;
using System.Linq;
using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Tests.Support;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Diagnosis
{
    /// <summary>The promises of the layered tables (docs/verdicts.md), checked over the whole corpus.</summary>
    public sealed class DiagnosisTableTests
    {
        private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 48, 0, TimeSpan.Zero);

        public static IEnumerable<object[]> StatusesThatCannotProveAKeyInvalid() =>
            new[] { 402, 403, 404, 408, 413, 429, 500, 502, 503, 504, 520, 522, 524, 529 }.Select(s => new object[] { s });

        [Theory]
        [MemberData(nameof(StatusesThatCannotProveAKeyInvalid))]
        public void No_corpus_body_gives_InvalidKey_under_a_status_that_cannot_prove_it(int status)
        {
            // Every real body, even one that says "invalid key", sent with this status.
            var wrong = CapturedFixture.All
                .Where(f => f.ClassifyWithStatus(status).Verdict == KeyVerdict.InvalidKey)
                .Select(f => f.Id)
                .ToList();

            Assert.Empty(wrong);
        }

        [Fact]
        public void A_block_page_is_never_Restricted_nor_InvalidKey()
        {
            var pages = CapturedFixture.All.Where(f => f.Status is not null && f.ExpectedVerdict == "BlockedByWaf").ToList();

            Assert.True(pages.Count >= 15, "the corpus lost its block pages");
            Assert.All(pages, page => Assert.Equal(KeyVerdict.BlockedByWaf, page.ClassifyWithStatus(page.Status!.Value).Verdict));
        }

        [Fact]
        public void Every_row_has_texts_for_the_admin()
        {
            Assert.All(DiagnosisRules.All.Where(r => r.Verdict != KeyVerdict.Valid), rule =>
            {
                Assert.NotEmpty(rule.Diagnosis);
                Assert.NotEmpty(rule.Recommendation);
            });
        }

        [Fact]
        public void Every_reason_a_row_gives_has_advice_of_its_own()
        {
            Assert.All(DiagnosisRules.All, rule => Assert.True(VerdictAdvice.Has(rule.Reason), rule.Name + ": " + rule.Reason));
        }

        [Fact]
        public void The_tables_are_read_in_the_documented_order()
        {
            Assert.Equal(new[] { "shape", "codes", "signatures", "phrases", "status" }, DiagnosisRules.Layers.Select(l => l.Key));
            Assert.All(DiagnosisRules.All, rule => Assert.False(string.IsNullOrEmpty(rule.Layer)));
        }

        [Fact]
        public void An_unknown_answer_stays_Unknown_and_shows_the_facts_read()
        {
            var response = new ProbeResponse(418, "{\"error\":{\"code\":\"teapot_mode\",\"message\":\"I'm a teapot\"}}", contentType: "application/json");

            var classification = ResponseClassifier.Classify(response, new ProbeContext(KeyShape.Relay, EndpointKind.Other, "https://relay.example.test"), Now);

            Assert.Equal(KeyVerdict.Unknown, classification.Verdict);
            Assert.Contains(classification.Diagnosis, line => line.Contains("teapot_mode", StringComparison.Ordinal) && line.Contains("418", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("Ｉｎｃｏｒｒｅｃｔ　ＡＰＩ　ｋｅｙ　ｐｒｏｖｉｄｅｄ", "incorrect api key provided")]
        [InlineData("Incorrect%20API%20key%20provided", "incorrect api key provided")]
        [InlineData("“quoted”  and\ttabbed", "\"quoted\" and tabbed")]
        [InlineData("100%ZZ broken escape", "100%zz broken escape")]
        [InlineData("lone \ud800 surrogate", "lone \ud800 surrogate")]
        public void Folding_reads_every_way_a_phrase_is_written(string written, string folded)
        {
            Assert.Equal(folded, TextFolding.Fold(written));
        }

        [Theory]
        [InlineData("Error code: 401 - {'error': {'message': 'Incorrect API key provided', 'code': 'invalid_api_key', 'param': None}}", "invalid_api_key")]
        [InlineData("[{\"error\":{\"code\":400,\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"reason\":\"API_KEY_INVALID\"}]}}]", "api_key_invalid")]
        [InlineData("{\"error\":{\"message\":\"Provider returned error\",\"code\":429,\"metadata\":{\"raw\":\"{\\\"error\\\":{\\\"code\\\":\\\"insufficient_quota\\\"}}\"}}}", "insufficient_quota")]
        [InlineData("{\"code\":\"Arrearage\",\"message\":\"Access denied\"}", "arrearage")]
        [InlineData("{\"error\":{\"code\":\"1113\",\"message\":\"余额不足\"}}", "1113")]
        public void Codes_are_found_wherever_they_sit(string body, string code)
        {
            Assert.Contains(code, AnswerFields.Read(body).Codes);
        }

        [Fact]
        public void A_hostile_body_stays_cheap_and_never_throws()
        {
            var deep = new string('[', 5000) + new string(']', 5000);
            var wide = "{" + string.Join(",", Enumerable.Range(0, 5000).Select(i => $"\"code{i}\":{{\"code\":\"c{i}\"}}")) + "}";

            Assert.True(AnswerFields.Read(deep).Codes.Count == 0);
            Assert.True(AnswerFields.Read(wide).Codes.Count <= 64);
        }
    }
}
