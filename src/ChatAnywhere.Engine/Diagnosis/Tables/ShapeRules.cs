namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// Layer 0: what kind of answer this is before any error is read (a redirect, a success, a
    /// status page, a management route), and where the key went. Ids are rows of corpus/answers.
    /// </summary>
    internal static class ShapeRules
    {
        public static readonly DiagnosisRule[] All =
        {
            new DiagnosisRule("Redirect", f => f.Status >= 300 && f.Status < 400,
                KeyVerdict.WrongEndpoint, VerdictReason.Redirected,
                "docs/reference/toolchain-notes.md (HTTP): .NET drops Authorization on redirect; a 3xx means the base URL is not the API"),

            new DiagnosisRule("Streamed 200 OK frame", f => f.Status == 200 && f.Envelope.Code == "200 OK",
                KeyVerdict.Valid, VerdictReason.None,
                new[] { "CA-stream-200-ok-error-frame" },
                new[] { "ChatAnywhere's stream frame with code \"200 OK\" is not an error." },
                new string[0]),

            // A clean 200 carries no error to read; deciding it here spares every valid key the error rows.
            new DiagnosisRule("Success", f => f.Status == 200 && !f.IsHtml && !f.Envelope.HasError && f.Envelope.Success != false && !f.Envelope.IsUptimeKumaFailure,
                KeyVerdict.Valid, VerdictReason.None,
                "CA-200-stream-empty-choices"),

            new DiagnosisRule("Uptime Kuma: status page not found", f => f.Envelope.IsUptimeKumaFailure && f.Status == 404,
                KeyVerdict.WrongEndpoint, VerdictReason.StatusPageNotFound,
                "UK-404-status-page-not-found"),

            new DiagnosisRule("Uptime Kuma: status page failed", f => f.Envelope.IsUptimeKumaFailure,
                KeyVerdict.Unknown, VerdictReason.StatusPageError,
                "UK-503-sqlite-busy"),

            new DiagnosisRule("Relay management header missing", f => f.Says("New-Api-User"),
                KeyVerdict.MalformedRequest, VerdictReason.ManagementAuthHeader,
                "NEW-mgmt-401-missing-new-api-user"),

            new DiagnosisRule("Relay management call failed", f => f.Status == 200 && f.Envelope.Success == false,
                KeyVerdict.Unknown, VerdictReason.ManagementAuthFailed,
                "ONE-mgmt-200-access-token-invalid"),

            // ---- Where the key went ----------------------------------------------------------------
            // A relay that passes on its upstream's "Incorrect API key" shows a key that is not the
            // user's: the relay's own upstream key was refused.
            new DiagnosisRule("Relay passed on its upstream's key refusal", f => f.Says("Incorrect API key provided") && f.Says("(request id:"),
                KeyVerdict.ServiceUnavailable, VerdictReason.UpstreamAccountProblem,
                "ONE-401-upstream-invalid-key-passthrough"),

            // OpenAI's words (they point at platform.openai.com) to a key that is not OpenAI's.
            new DiagnosisRule("OpenAI rejected a relay key", f => f.Says("Incorrect API key provided") && f.AnsweredByOpenAI && !f.KeyIsOpenAI,
                KeyVerdict.WrongEndpoint, VerdictReason.RelayKeySentToOpenAI,
                "OA-401-incorrect-key-ca-key-2023", "OA-401-incorrect-key-ca-key-2024", "https://github.com/chatanywhere/GPT_API_free/issues/302"),
        };
    }
}
