namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// Layer (b): the words of the message, English and Chinese, folded (<see cref="TextFolding"/>:
    /// case, full-width forms, URL-encoding). Specific phrases come before general ones; a phrase
    /// that could prove a key invalid does so only where <see cref="ResponseFacts.MayProveKeyInvalid"/>.
    /// </summary>
    internal static class PhraseRules
    {
        public static readonly DiagnosisRule[] All =
        {
            // ---- No key arrived, in each gateway's words ----------------------------------------
            new DiagnosisRule("No key arrived", f => f.Says("You didn't provide an API key", "未提供令牌", "Token not provided", "x-api-key header is required",
                                                            "No auth credentials found", "No cookie auth credentials found", "No API key found in request", "missing subscription key"),
                KeyVerdict.MalformedRequest, VerdictReason.NoKeyReceived,
                "OA-401-no-key", "ONE-401-no-token-measured", "NEW-401-no-token-measured", "NEW-401-usage-no-token-en", "ANT-401-x-api-key-header-required",
                "OR-401-no-auth-credentials-found", "OR-401-no-cookie-auth-credentials-found", "GW-401-kong-no-api-key", "GW-401-azure-apim-missing-subscription-key"),

            // AWS API Gateway answers this for a path it has no route for, key or not.
            new DiagnosisRule("Gateway has no such route", f => f.Says("Missing Authentication Token", "no Route matched", "No handler found on route", "Could not route to", "Invalid URL ("),
                KeyVerdict.WrongEndpoint, VerdictReason.WrongPath,
                "GW-403-aws-apigw-missing-authentication-token", "GW-404-kong-no-route-code-derived", "XAI-404-no-handler-found-on-route", "CF-404-api-7003-could-not-route", "OA-404-invalid-url", "ONE-404-invalid-url-nested"),

            // ---- Free-tier and plan limits (ChatAnywhere) ---------------------------------------
            new DiagnosisRule("Per-model daily limit", f => f.Says("模型免费API限制每日"),
                KeyVerdict.RateLimited, VerdictReason.DailyLimitPerModel,
                "CA-429-per-model-3-per-day-2025", "CA-429-per-model-named-gpt5-nano"),

            new DiagnosisRule("Daily limit", f => f.Says("免费API限制每日", "requests per day"),
                KeyVerdict.RateLimited, VerdictReason.DailyLimit,
                "CA-429-free-200-per-day", "CA-429-shared-ip"),

            new DiagnosisRule("Free-tier prompt limit", f => f.Says("免费API限制模型输入token", "prompt tokens for free accounts"),
                KeyVerdict.Restricted, VerdictReason.PromptTokenLimit,
                "CA-403-free-prompt-4096-com-cn", "CA-403-free-prompt-4096-org", "CA-403-free-prompt-4096-message", "CA-free-prompt-4000-2024-01", "CA-403-prompt-4096-apikey-qq-suffix"),

            new DiagnosisRule("Free-tier model list", f => f.Says("免费API限制使用", "limited to use", "limit to use"),
                KeyVerdict.ModelNotAllowed, VerdictReason.FreeTierModel,
                "CA-403-free-model-whitelist-completions", "CA-403-free-model-whitelist-wrong-path", "CA-403-free-model-anthropic-messages", "CA-401-limit-to-use-2023",
                "CA-403-limit-to-use-2023", "CA-403-limit-to-use-2024-01", "CA-403-free-models-2025-apikey-suffix"),

            // ---- Money and quota -----------------------------------------------------------------
            new DiagnosisRule("Gateway budget used up", f => f.Says("crossed budget"),
                KeyVerdict.ServiceUnavailable, VerdictReason.UpstreamAccountExhausted,
                "GW-429-litellm-deployment-crossed-budget"),

            new DiagnosisRule("Key budget used up", f => f.Says("Budget has been exceeded", "create a key with a higher"),
                KeyVerdict.QuotaExhausted, VerdictReason.TokenQuotaExhausted,
                "GW-400-litellm-budget-exceeded", "OR-402-key-monthly-limit-afford-zero"),

            new DiagnosisRule("Relay token quota used up", f => f.Says("额度已用尽", "quota is exhausted"),
                KeyVerdict.QuotaExhausted, VerdictReason.TokenQuotaExhausted,
                "ONE-401-token-exhausted-named", "ONE-401-token-exhausted-remain-zero", "NEW-401-token-exhausted-masked-2025", "NEW-401-token-remain-quota-2025"),

            new DiagnosisRule("Relay user quota", f => f.Says("quota is not enough", "用户额度不足", "令牌额度不足", "pre-consumed quota failed"),
                KeyVerdict.QuotaExhausted, VerdictReason.UserQuotaExhausted,
                "ONE-403-insufficient-user-quota-observed", "ONE-403-insufficient-user-quota-log", "ONE-user-quota-negative-fork"),

            new DiagnosisRule("Balance or credits too low", f => f.Says("余额过低", "余额不足", "欠费", "balance is not sufficient", "balance is too low", "insufficient balance", "balance is insufficient",
                                                                        "exceeded your current quota, please check your plan and billing", "account is in good standing",
                                                                        "requires more credits", "doesn't have any credits", "insufficient credits", "purchase credits"),
                KeyVerdict.QuotaExhausted, VerdictReason.BalanceTooLow,
                "CA-balance-too-low", "DS-402-insufficient-balance-message", "DS-402-insufficient-balance-unknown-error-type", "QWEN-400-arrearage-native-sdk-with-doc-link",
                "OR-402-requires-more-credits-json", "XAI-403-new-team-no-credits", "ANT-400-credit-balance-too-low"),

            // ChatAnywhere answered these 403s with no readable body; both captures were balance problems.
            new DiagnosisRule("ChatAnywhere 403 without a body", f => f.Status == 403 && f.BodyIsEmpty && f.SentToChatAnywhere,
                KeyVerdict.QuotaExhausted, VerdictReason.BalanceTooLow,
                new[] { "CA-403-balance-preauth", "CA-403-gpt4-balance-below-0.8" },
                new[] { "ChatAnywhere refused the request without a message; when this was seen before, the balance was too low for the model or for max_tokens.", "Less likely: a free key asking for a paid model." },
                new[] { "Check the key's balance at {DefaultBaseUri}/#/ and top up, or use a cheaper model or smaller max_tokens." }),

            // ---- Suspended, disabled, not allowed ------------------------------------------------
            new DiagnosisRule("Suspended", f => f.Says("has been suspended", "用户已被封禁", "organization has been disabled"),
                KeyVerdict.Restricted, VerdictReason.Suspended,
                "CA-key-suspended", "ONE-403-user-banned-2023", "ONE-403-user-banned-renamed-type", "NEW-403-user-banned-2026", "ANT-400-organization-disabled"),

            new DiagnosisRule("Access terminated", f => f.Says("access was terminated", "violation of Terms of Service"),
                KeyVerdict.Restricted, VerdictReason.Terminated,
                "OA-access-terminated", "GEM-403-service-disabled-tos"),

            new DiagnosisRule("Account deactivated", f => f.Says("deactivated account", "has been deactivated"),
                KeyVerdict.InvalidKey, VerdictReason.AccountDeactivated,
                "OA-account-deactivated"),

            new DiagnosisRule("Relay token disabled", f => f.Says("令牌状态不可用", "token status is unavailable"),
                KeyVerdict.Restricted, VerdictReason.TokenDisabled,
                "ONE-401-token-status-unavailable", "NEW-401-token-status-unavailable-2026", "NEW-401-usage-token-disabled"),

            new DiagnosisRule("IP allow-list", f => f.Says("只能在指定网段使用", "IP 不在令牌允许", "not in the allowed", "Virtual Network/Firewall rules", "A Virtual Network is configured"),
                KeyVerdict.Restricted, VerdictReason.IpAllowList,
                "ONE-403-subnet-not-allowed", "NEW-403-ip-not-allowed-code", "AZ-403-vnet-firewall-headers", "AZ-403-vnet-configured"),

            new DiagnosisRule("Region refused behind a relay", f => f.ViaRelay && f.Says("User location is not supported", "region, or territory not supported", "not available in your country"),
                KeyVerdict.ServiceUnavailable, VerdictReason.Region,
                "ONE-403-region-via-relay"),

            new DiagnosisRule("Region refused", f => f.Says("User location is not supported", "region, or territory not supported", "not available in your country"),
                KeyVerdict.Restricted, VerdictReason.Region,
                "GEM-400-user-location-not-supported"),

            new DiagnosisRule("Missing permission or scope", f => f.Says("Missing scopes", "insufficient permissions", "Principal does not have access", "Invalid ApiKey for given resource", "OAuth authentication is currently not allowed"),
                KeyVerdict.Restricted, VerdictReason.MissingScope,
                "OA-401-missing-scope-model-request", "AZ-401-principal-no-access", "GW-401-apigee-invalid-apikey-for-resource"),

            new DiagnosisRule("Relay group refused", f => f.Says("分组", "普通用户不支持指定渠道") && f.StatusIs(403),
                KeyVerdict.Restricted, VerdictReason.Forbidden,
                "NEW-403-token-group-disabled-2025", "NEW-403-group-deprecated", "NEW-403-group-no-access", "ONE-403-channel-pin-common-user"),

            // ---- Models --------------------------------------------------------------------------
            new DiagnosisRule("Model not granted to the key", f => f.Says("无权使用模型", "无权访问模型", "has no access to model", "no access to any models", "does not have access to model", "Access to model denied"),
                KeyVerdict.ModelNotAllowed, VerdictReason.ModelNotGranted,
                "ONE-403-model-not-granted-log", "NEW-403-token-model-forbidden-zh-2025", "NEW-403-token-model-forbidden-en", "NEW-403-token-no-model-access-any-en"),

            new DiagnosisRule("No channel for the model", f => f.Says("无可用渠道", "No available channel", "No endpoints found"),
                KeyVerdict.ModelNotAllowed, VerdictReason.NoChannelForModel,
                "NEW-no-channel-for-model", "ONE-503-no-channel-gpt5", "ONE-503-no-channel-empty-model", "OR-404-no-endpoints-support-tool-use"),

            new DiagnosisRule("Deployment not found", f => f.Says("API deployment for this resource does not exist"),
                KeyVerdict.ModelNotAllowed, VerdictReason.DeploymentNotFound,
                "AZ-404-deployment-not-found"),

            new DiagnosisRule("Model does not exist", f => f.Says("模型不存在", "Model does not exist", "Model not found", "is not found for API version", "has been decommissioned") ||
                                                           (f.Says("model") && f.Says("does not exist")),
                KeyVerdict.ModelNotAllowed, VerdictReason.ModelNotFound,
                "GEM-404-model-not-found", "XAI-404-model-not-exist-or-team-no-access"),

            // ---- The key itself ------------------------------------------------------------------
            new DiagnosisRule("Key expired", f => f.MayProveKeyInvalid && f.Says("令牌已过期", "token has expired", "key expired", "已过期"),
                KeyVerdict.InvalidKey, VerdictReason.TokenExpired,
                "ONE-401-token-expired", "ANT-401-oauth-token-expired", "GLM-401-token-expired-or-invalid-zh"),

            new DiagnosisRule("Relay could not check the token", f => f.Says("令牌验证失败"),
                KeyVerdict.ServiceUnavailable, VerdictReason.ServerError,
                "ONE-401-token-validation-failed"),

            new DiagnosisRule("Key refused", f => f.MayProveKeyInvalid && f.Says("ApiKey错误", "wrong api key", "无效的令牌", "Invalid token", "Incorrect API key provided", "invalid x-api-key",
                                                                                   "API key not valid", "Authentication Fails", "Api key is invalid", "Invalid API Key", "Invalid API-key",
                                                                                   "invalid subscription key", "Invalid proxy server token", "Invalid authentication credentials", "User not found"),
                KeyVerdict.InvalidKey, VerdictReason.KeyRejected,
                "CA-401-invalid-key-measured", "CA-401-invalid-key-fixture", "CA-401-wrong-api-key-plain-2023", "ONE-401-invalid-token-measured", "NEW-401-invalid-token-en-log",
                "OA-401-incorrect-key-measured", "XAI-400-incorrect-api-key-url-encoded", "XAI-400-incorrect-api-key-message", "ANT-401-invalid-x-api-key",
                "DS-401-authentication-fails-key-suffix", "SF-401-api-key-is-invalid", "SF-401-invalid-token-double-bearer", "AZ-401-invalid-subscription-key-openai-key",
                "GW-401-azure-apim-invalid-subscription-key", "GW-401-litellm-token-not-found-in-db", "OR-401-user-not-found"),

            // ---- Rates and load ------------------------------------------------------------------
            new DiagnosisRule("Relay upstream saturated", f => f.Says("上游负载已饱和", "temporarily rate-limited upstream"),
                KeyVerdict.RateLimited, VerdictReason.UpstreamSaturated,
                "ONE-429-group-saturated-upstream", "NEW-429-group-saturated", "OR-429-upstream-shared-pool-rate-limited"),

            new DiagnosisRule("Relay group saturated", f => f.Says("负载已饱和"),
                KeyVerdict.ServiceUnavailable, VerdictReason.UpstreamAccountProblem,
                "ONE-group-saturated-billing-2023"),

            new DiagnosisRule("Daily token or request cap", f => f.Says("tokens per day", "(TPD)", "TPD rate limit", "per day"),
                KeyVerdict.RateLimited, VerdictReason.DailyLimit,
                new[] { "GROQ-429-tokens-per-day-limit" }, ProviderDailyCap.Diagnosis, ProviderDailyCap.Recommendation),

            new DiagnosisRule("Rate limit", f => f.Says("rate limit", "too many requests", "请求数限制", "request limit", "exceeded call rate limit", "High concurrency", "访问量过大"),
                KeyVerdict.RateLimited, VerdictReason.RequestRateLimit,
                "AZ-429-call-rate-limit", "AZ-429-rate-limit-exceeded-headers", "QWEN-429-requests-rate-limit-exceeded-native", "SF-429-tpm-limit-reached",
                "NEW-429-model-rate-limit-zh-2025", "NEW-429-total-rate-limit-en", "GW-429-kong-rate-limit-code-derived"),

            new DiagnosisRule("Model overloaded", f => f.Says("overloaded", "capacity exceeded", "server is busy", "服务器繁忙"),
                KeyVerdict.ServiceUnavailable, VerdictReason.Overloaded,
                "CA-overload-passthrough", "ANT-500-api-error-overloaded"),

            new DiagnosisRule("ChatAnywhere upstream error", f => f.Says("OpenAI response error"),
                KeyVerdict.ServiceUnavailable, VerdictReason.UpstreamError,
                "CA-502-cf-bad-gateway-2023"),

            new DiagnosisRule("No upstream answer", f => f.Says("模型无返回结果", "No response, please try again", "请求上游地址失败", "Network connection lost"),
                KeyVerdict.ServiceUnavailable, VerdictReason.NoUpstreamResponse,
                "CA-503-no-response"),

            new DiagnosisRule("Relay's own failure", f => f.Says("数据库一致性", "Database error"),
                KeyVerdict.ServiceUnavailable, VerdictReason.ServerError,
                "ONE-503-db-consistency", "NEW-500-database-error-en"),

            // ---- The request ---------------------------------------------------------------------
            new DiagnosisRule("Content policy", f => f.Says("safety system", "content_policy_violation", "content management policy", "inappropriate content", "sensitive words", "不安全或敏感内容"),
                KeyVerdict.MalformedRequest, VerdictReason.ContentPolicy,
                "CA-400-safety-system", "AZ-400-content-filter-2023"),

            new DiagnosisRule("Context too long", f => f.Says("maximum context length", "prompt is too long", "context length"),
                KeyVerdict.MalformedRequest, VerdictReason.ContextLengthExceeded,
                "ANT-400-prompt-too-long"),

            new DiagnosisRule("Request too large", f => f.Says("Request exceeds the maximum size", "Request Entity Too Large", "Request too large for model"),
                KeyVerdict.MalformedRequest, VerdictReason.PayloadTooLarge,
                "ANT-413-request-too-large", "GROQ-413-request-too-large-tpm"),
        };
    }
}
