namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// Layer (a): structured codes found anywhere in the body (<see cref="AnswerFields"/>): error.code,
    /// error.type, top-level code/type, Google's status and details[].reason, numeric provider codes,
    /// nested upstream errors. Only codes that mean one thing whoever sends them are here; generic ones
    /// (invalid_request_error, api_error, authentication_error) are left to the words.
    /// </summary>
    internal static class CodeRules
    {
        public static readonly DiagnosisRule[] All =
        {
            // ---- Upstream account problems a relay passes on: the relay's, not the user's ---------
            new DiagnosisRule("ChatAnywhere upstream out of quota", f => f.HasCode("insufficient_quota") && f.Says("OpenAI response error"),
                KeyVerdict.ServiceUnavailable, VerdictReason.UpstreamAccountExhausted,
                "CA-insufficient-quota-upstream-2023"),

            new DiagnosisRule("Relay's upstream account refused", f => f.ViaRelay && f.HasCode("insufficient_quota", "billing_not_active", "organization_restricted", "account_deactivated", "access_terminated"),
                KeyVerdict.ServiceUnavailable, VerdictReason.UpstreamAccountProblem,
                "ONE-group-saturated-billing-2023", "GROQ-400-organization-restricted-via-one-api"),

            new DiagnosisRule("Region refused behind a relay", f => f.ViaRelay && f.HasCode("unsupported_country_region_territory"),
                KeyVerdict.ServiceUnavailable, VerdictReason.Region,
                "ONE-403-region-via-relay"),

            new DiagnosisRule("Region refused", f => f.HasCode("unsupported_country_region_territory"),
                KeyVerdict.Restricted, VerdictReason.Region,
                "OA-403-unsupported-country-direct"),

            // ---- The key -------------------------------------------------------------------------
            new DiagnosisRule("Key expired", f => f.HasCode("api_key_invalid", "invalid_api_key") && f.Says("expired"),
                KeyVerdict.InvalidKey, VerdictReason.TokenExpired,
                "GEM-400-api-key-expired"),

            new DiagnosisRule("Key refused by code", f => f.HasCode("invalid_api_key", "api_key_invalid", "invalidapikey", "invalid_authentication_error", "incorrect_api_key"),
                KeyVerdict.InvalidKey, VerdictReason.KeyRejected,
                "GEM-400-api-key-invalid-debuginfo", "GEM-400-api-key-invalid-openai-compat-list", "QWEN-401-invalid-api-key-native", "MOON-401-invalid-authentication-cn-key-on-ai-host", "GROQ-401-invalid-api-key-with-cf-headers", "OA-401-incorrect-key-sk-proj"),

            new DiagnosisRule("Account deactivated", f => f.HasCode("account_deactivated"),
                KeyVerdict.InvalidKey, VerdictReason.AccountDeactivated,
                "OA-account-deactivated", "OA-401-account-deactivated-code"),

            new DiagnosisRule("Access terminated", f => f.HasCode("access_terminated"),
                KeyVerdict.Restricted, VerdictReason.Terminated,
                "OA-access-terminated"),

            new DiagnosisRule("Key suspended", f => f.HasCode("consumer_suspended"),
                KeyVerdict.Restricted, VerdictReason.Suspended,
                "GEM-403-consumer-suspended"),

            new DiagnosisRule("Organization does not match", f => f.HasCode("mismatched_organization"),
                KeyVerdict.MalformedRequest, VerdictReason.OrganizationMismatch,
                "OA-401-mismatched-organization"),

            new DiagnosisRule("No organization", f => f.HasCode("no_organization"),
                KeyVerdict.Restricted, VerdictReason.NoOrganization,
                "OA-401-no-organization"),

            // ---- Money and quota -----------------------------------------------------------------
            new DiagnosisRule("Relay token quota used up", f => f.HasCode("pre_consume_token_quota_failed") && f.Says("令牌额度", "token quota", "token remain quota"),
                KeyVerdict.QuotaExhausted, VerdictReason.TokenQuotaExhausted,
                "ONE-403-pre-consume-token-quota", "NEW-403-token-quota-not-enough-2025"),

            new DiagnosisRule("Relay user quota used up", f => f.HasCode("insufficient_user_quota", "pre_consume_token_quota_failed"),
                KeyVerdict.QuotaExhausted, VerdictReason.UserQuotaExhausted,
                "ONE-403-pre-consume-user-quota", "NEW-403-insufficient-user-quota", "NEW-403-user-quota-insufficient-zh", "NEW-403-chat-preconsume-2025"),

            new DiagnosisRule("Billing not active", f => f.HasCode("billing_not_active"),
                KeyVerdict.QuotaExhausted, VerdictReason.PaymentRequired,
                "OA-429-billing-not-active"),

            // Zhipu 1113: 余额不足 (GLM-429-1113-balance-insufficient-zh); SiliconFlow 30011 (paid balance).
            new DiagnosisRule("Quota or balance used up", f => f.HasCode("insufficient_quota", "exceeded_current_quota_error", "arrearage", "1113", "30011"),
                KeyVerdict.QuotaExhausted, VerdictReason.BalanceTooLow,
                "OA-429-insufficient-quota", "MOON-403-exceeded-current-quota", "QWEN-400-arrearage-native-sdk-with-doc-link", "GLM-429-1113-balance-insufficient-zh", "SF-403-30011-paid-balance-insufficient"),

            // ---- Models --------------------------------------------------------------------------
            new DiagnosisRule("No relay channel for the model", f => f.HasCode("model_not_found") && f.Says("渠道", "channel"),
                KeyVerdict.ModelNotAllowed, VerdictReason.NoChannelForModel,
                "NEW-503-get-channel-failed-zh", "NEW-503-no-available-channel-en"),

            new DiagnosisRule("Model not granted", f => f.HasCode("model_not_found", "resource_not_found_error", "accessdenied.unpurchased") && f.Says("access", "permission", "eligible"),
                KeyVerdict.ModelNotAllowed, VerdictReason.ModelNotGranted,
                "OA-404-model-not-found-no-access", "OA-403-project-no-model-access", "MOON-404-resource-not-found-model-or-permission", "QWEN-403-accessdenied-unpurchased"),

            // Zhipu 1211 (模型不存在), SiliconFlow 20012 and 20402, Mistral 1500 / invalid_model.
            new DiagnosisRule("Model does not exist", f => f.HasCode("model_not_found", "model_decommissioned", "invalid_model", "deploymentnotfound", "1211", "20012", "20402") ||
                                                           (f.HasCode("not_found_error") && f.Says("model")),
                KeyVerdict.ModelNotAllowed, VerdictReason.ModelNotFound,
                "OA-404-model-does-not-exist-2023", "GROQ-400-model-decommissioned", "MIS-400-invalid-model-code-1500", "GLM-400-1211-model-not-exist-anthropic-shape", "SF-400-20012-model-does-not-exist", "SF-500-20402-model-not-found", "ANT-404-not-found-model"),

            // ---- The request ---------------------------------------------------------------------
            new DiagnosisRule("Context too long", f => f.HasCode("context_length_exceeded", "string_above_max_length"),
                KeyVerdict.MalformedRequest, VerdictReason.ContextLengthExceeded,
                "OA-400-context-length-exceeded"),

            new DiagnosisRule("Request too large", f => f.HasCode("request_too_large"),
                KeyVerdict.MalformedRequest, VerdictReason.PayloadTooLarge,
                "ANT-413-request-too-large"),

            // Zhipu 1301: unsafe content (GLM-content-unsafe-1301-message).
            new DiagnosisRule("Content policy", f => f.HasCode("content_policy_violation", "content_filter", "data_inspection_failed", "datainspectionfailed", "sensitive_words_detected", "1301"),
                KeyVerdict.MalformedRequest, VerdictReason.ContentPolicy,
                "QWEN-400-data-inspection-failed-compatible", "QWEN-400-internalerror-algo-datainspectionfailed-via-provider", "NEW-400-sensitive-words-2025", "AZ-400-content-filter-innererror"),

            new DiagnosisRule("Relay path not implemented", f => f.HasCode("api_not_implemented"),
                KeyVerdict.MalformedRequest, VerdictReason.EndpointNotImplemented,
                "ONE-501-api-not-implemented"),

            // ---- Rates and load ------------------------------------------------------------------
            // Before the rate rows: a request over the whole per-minute limit comes with the rate-limit code, but waiting never helps.
            new DiagnosisRule("Request over a whole per-minute limit", f => f.HasCode("rate_limit_exceeded") && f.Says("must be reduced in order to run", "request too large for"),
                KeyVerdict.MalformedRequest, VerdictReason.PayloadTooLarge,
                new[] { "OA-429-request-too-large-tpm", "OA-429-request-too-large-headers" }, RequestOverMinuteLimit.Diagnosis, RequestOverMinuteLimit.Recommendation),

            new DiagnosisRule("Daily token or request cap", f => f.HasCode("rate_limit_exceeded", "rate_limit_reached_error", "rate_limit_error", "resource_exhausted") &&
                                                                 f.Says("per day", "tpd", "tokens per day", "requests per day"),
                KeyVerdict.RateLimited, VerdictReason.DailyLimit,
                new[] { "MOON-429-organization-tpd-rate-limit" }, ProviderDailyCap.Diagnosis, ProviderDailyCap.Recommendation),

            // Zhipu 1302 (concurrency) and 1303 (frequency); Mistral 1300.
            new DiagnosisRule("Rate limit", f => f.HasCode("rate_limit_exceeded", "rate_limit_reached_error", "rate_limit_error", "rate_limited", "resource_exhausted", "throttling", "throttling.ratequota", "throttling.user", "1302", "1303", "1300"),
                KeyVerdict.RateLimited, VerdictReason.RequestRateLimit,
                "MOON-429-project-tpm-rate-limit", "ANT-429-rate-limit-account", "GEM-429-free-tier-tokens-per-minute", "GLM-429-1302-high-concurrency-en", "MIS-429-rate-limited-code-1300"),

            // Zhipu 1305: 该模型当前访问量过大.
            new DiagnosisRule("Overloaded", f => f.HasCode("overloaded_error", "engine_overloaded_error", "server_is_overloaded", "unavailable", "1305"),
                KeyVerdict.ServiceUnavailable, VerdictReason.Overloaded,
                "ANT-529-overloaded", "MOON-429-engine-overloaded", "GEM-503-model-overloaded"),

            // A 429 with these codes is the upstream's load (ONE-429-group-saturated-upstream): the words decide.
            new DiagnosisRule("Relay's upstream failed", f => f.Status >= 500 && f.HasCode("bad_response_status_code", "upstream_error"),
                KeyVerdict.ServiceUnavailable, VerdictReason.UpstreamError,
                "ONE-502-bad-response-status-code"),

            new DiagnosisRule("Relay could not reach its upstream", f => f.HasCode("do_request_failed", "provider_unavailable"),
                KeyVerdict.ServiceUnavailable, VerdictReason.NoUpstreamResponse,
                "NEW-500-upstream-address-hidden-2025", "OR-502-provider-unavailable-network-lost"),

            // Cloudflare's JSON error for API clients names its 52x code (CF-522-json-problem-details).
            new DiagnosisRule("Cloudflare error (JSON)", f => f.Status >= 520 && f.HasCode("520", "521", "522", "523", "525", "526", "527", "530") && f.Says("cloudflare"),
                KeyVerdict.ServiceUnavailable, VerdictReason.CloudflareError,
                "CF-522-json-problem-details"),

            // ---- Permission ----------------------------------------------------------------------
            new DiagnosisRule("Unregistered caller", f => f.HasCode("permission_denied") && f.Says("unregistered callers"),
                KeyVerdict.MalformedRequest, VerdictReason.NoKeyReceived,
                "GEM-403-unregistered-callers"),

            new DiagnosisRule("Permission denied", f => f.HasCode("permission_error", "permission_denied", "permission_denied_error"),
                KeyVerdict.Restricted, VerdictReason.MissingScope,
                "ANT-403-permission-error-oauth-not-allowed", "GEM-403-caller-no-permission"),
        };
    }
}
