namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// Layer (d): the status alone, when the body told nothing the tables know: a row for every status
    /// a client meets, each with its cautious verdict (RFC 9110 §15 for what each status means). A
    /// 401 is the only status that alone stands for a refused key, and only when no page answered.
    /// </summary>
    internal static class StatusRules
    {
        public static readonly DiagnosisRule[] All =
        {
            new DiagnosisRule("Bad request", f => f.Status == 400,
                KeyVerdict.MalformedRequest, VerdictReason.BadRequest,
                "CA-400-bad-json", "DS-400-failed-to-deserialize-json-body", "ONE-400-field-messages-required"),

            new DiagnosisRule("Unrecognised 401", f => f.Status == 401 && !f.IsHtml,
                KeyVerdict.InvalidKey, VerdictReason.UnrecognisedRefusal,
                "ONE-401-invalid-token-measured", "MIS-401-unauthorized-request-id", "MIS-401-detail-unauthorized-models", "GW-401-kong-unauthorized-3x-code-derived"),

            new DiagnosisRule("Payment required", f => f.Status == 402,
                KeyVerdict.QuotaExhausted, VerdictReason.PaymentRequired,
                "DS-402-insufficient-balance-message", "OR-402-requires-more-credits-json"),

            new DiagnosisRule("Unrecognised 403", f => f.Status == 403,
                KeyVerdict.Restricted, VerdictReason.Forbidden,
                "docs/reference/anchors-keycheck.md (FavsHub: 403 is never an invalid key)", "GW-403-aws-apigw-forbidden-api-key"),

            new DiagnosisRule("Not found", f => f.StatusIs(404, 405),
                KeyVerdict.WrongEndpoint, VerdictReason.WrongPath,
                "OA-404-invalid-url", "AZ-404-resource-not-found"),

            new DiagnosisRule("Timeout status", f => f.Status == 408,
                KeyVerdict.NetworkError, VerdictReason.Timeout,
                "docs/reference/toolchain-notes.md (retry figures: 408 is retried by the OpenAI SDKs)"),

            new DiagnosisRule("Body too large", f => f.Status == 413,
                KeyVerdict.MalformedRequest, VerdictReason.PayloadTooLarge,
                "ANT-413-request-too-large", "WEB-413-nginx-entity-too-large-padding"),

            new DiagnosisRule("Request not understood", f => f.StatusIs(409, 411, 415, 422),
                KeyVerdict.MalformedRequest, VerdictReason.BadRequest,
                "DS-422-failed-to-deserialize-message", "MIS-422-extra-inputs-forbidden"),

            new DiagnosisRule("Too many requests", f => f.Status == 429,
                KeyVerdict.RateLimited, VerdictReason.RequestRateLimit,
                "OA-429-rate-limit-tpm", "ONE-429-global-rate-limit-empty", "CA-429-shared-ip", "CA-429-readme-rate-limited-2023"),

            new DiagnosisRule("Unavailable for legal reasons", f => f.Status == 451,
                KeyVerdict.Restricted, VerdictReason.Region,
                "RFC 7725 (451: refused for legal reasons, e.g. a country's law)"),

            new DiagnosisRule("Gateway timeout", f => f.StatusIs(504, 524),
                KeyVerdict.ServiceUnavailable, VerdictReason.Timeout,
                "CF-524-plain-wrapped-json", "WEB-504-nginx-gateway-timeout"),

            new DiagnosisRule("Cloudflare 52x", f => f.Status >= 520 && f.Status <= 530,
                KeyVerdict.ServiceUnavailable, VerdictReason.CloudflareError,
                "CF-522-json-problem-details", "CF-530-1033-tunnel-error"),

            // one-api appends "(request id: ...)" to an upstream's status it passes on (ONE-500-upstream-bare-status).
            new DiagnosisRule("Relay passed on an upstream failure", f => f.Status >= 500 && f.Says("(request id:"),
                KeyVerdict.ServiceUnavailable, VerdictReason.UpstreamError,
                "ONE-500-upstream-bare-status"),

            new DiagnosisRule("Server error", f => f.Status >= 500,
                KeyVerdict.ServiceUnavailable, VerdictReason.ServerError,
                "CA-502-cf-bad-gateway-2023", "CA-503-no-response", "OA-500-server-error", "CA-500-null-message-2024", "ONE-500-upstream-bare-status"),

            new DiagnosisRule("HTML instead of the API", f => f.Status == 200 && f.IsHtml,
                KeyVerdict.Unknown, VerdictReason.HtmlInsteadOfJson,
                "CF-challenge-html-prefix (an HTML page where JSON was expected)"),
        };
    }
}
