using System.Collections.Generic;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// The diagnosis table, read top to bottom; the first matching row decides. Bodies are read
    /// before statuses because the same 401, 403 or 429 means different things (fixtures), and
    /// error.type literals are never enough on their own (operators rename them).
    /// Fixture ids refer to tests/ChatAnywhere.Engine.Tests/Fixtures/responses.json.
    /// </summary>
    public static class DiagnosisRules
    {
        private static readonly string[] CheckStatus = { "Check {StatusPage} and try again later (Get-ServiceStatus)." };

        /// <summary>Every row, in the order they are tried.</summary>
        public static readonly IReadOnlyList<DiagnosisRule> All = new[]
        {
            // ---- Answers that are not about the key at all -------------------------------------------
            new DiagnosisRule("Redirect", f => f.Status >= 300 && f.Status < 400,
                KeyVerdict.WrongEndpoint, VerdictReason.Redirected,
                new[] { "toolchain-notes.md (HTTP): .NET drops Authorization on redirect; a 3xx means the base URL is not the API" },
                new[] { "The server at {BaseUri} answered {Status} and redirects to {Location}; the key was not sent there.", "The base URL probably points at a web page or an old host, not at the API." },
                new[] { "Set the base URL to the API itself, e.g. {DefaultBaseUri} (-BaseUri or $env:CHATANYWHERE_BASE_URL)." }),

            new DiagnosisRule("Streamed 200 OK frame", f => f.Status == 200 && f.Envelope.Code == "200 OK",
                KeyVerdict.Valid, VerdictReason.None,
                new[] { "CA-stream-200-ok-error-frame" },
                new[] { "ChatAnywhere's stream frame with code \"200 OK\" is not an error." },
                new string[0]),

            // A clean 200 carries no error to read; deciding it here spares every valid key the error rows.
            new DiagnosisRule("Model list", f => f.Status == 200 && !f.IsHtml && !f.Envelope.HasError && f.Envelope.Success != false && !f.Envelope.IsUptimeKumaFailure,
                KeyVerdict.Valid, VerdictReason.None,
                new[] { "CA-200-stream-empty-choices" },
                new string[0],
                new string[0]),

            new DiagnosisRule("Cloudflare challenge", f => f.Says("Just a moment...", "cf-chl", "Attention Required! | Cloudflare"),
                KeyVerdict.BlockedByWaf, VerdictReason.CloudflareChallenge,
                new[] { "CF-403-challenge-measured", "CF-challenge-html-prefix" },
                new[] { "Cloudflare answered with a browser challenge; the request never reached the API, so nothing is known about the key.", "Cloudflare challenges scripted clients from some IP ranges (VPNs, cloud hosts)." },
                new[] { "Try again from another network, or without the proxy or VPN.", "Try the other host: {OverseasBaseUri} or {DefaultBaseUri}." }),

            new DiagnosisRule("Cloudflare block page", f => f.Says("Sorry, you have been blocked"),
                KeyVerdict.BlockedByWaf, VerdictReason.CloudflareBlock,
                new[] { "CF-blocked-page" },
                new[] { "Cloudflare blocked this client; the request never reached the API.", "The IP address or request pattern is on the site's block list." },
                new[] { "Try from another network or without the proxy.", "Check that the base URL is right: a key for ChatAnywhere belongs at {DefaultBaseUri}." }),

            new DiagnosisRule("Cloudflare error page", f => f.Status >= 500 && f.IsHtml && f.Backend == BackendKind.Cloudflare,
                KeyVerdict.ServiceUnavailable, VerdictReason.CloudflareError,
                new[] { "CF-502-bad-gateway" },
                new[] { "Cloudflare could not reach the service behind it ({Status}); this says nothing about the key." },
                CheckStatus),

            new DiagnosisRule("Uptime Kuma: status page not found", f => f.Envelope.IsUptimeKumaFailure && f.Status == 404,
                KeyVerdict.WrongEndpoint, VerdictReason.StatusPageNotFound,
                new[] { "UK-404-status-page-not-found" },
                new[] { "An Uptime Kuma status page answered: this URL is a status page, not the API, and the page slug does not exist." },
                new[] { "Point -BaseUri at the API host, e.g. {DefaultBaseUri}." }),

            new DiagnosisRule("Uptime Kuma: status page failed", f => f.Envelope.IsUptimeKumaFailure,
                KeyVerdict.Unknown, VerdictReason.StatusPageError,
                new[] { "UK-503-sqlite-busy" },
                new[] { "An Uptime Kuma status page answered with an internal failure; it says nothing about the key or the API." },
                new[] { "Point -BaseUri at the API host, e.g. {DefaultBaseUri}." }),

            // ---- Where the key went -------------------------------------------------------------------
            new DiagnosisRule("OpenAI rejected a relay key", f => f.Says("Incorrect API key provided") && !f.KeyIsOpenAI,
                KeyVerdict.WrongEndpoint, VerdictReason.RelayKeySentToOpenAI,
                new[] { "OA-401-incorrect-key-ca-key-2023", "OA-401-incorrect-key-ca-key-2024", "https://github.com/chatanywhere/GPT_API_free/issues/302" },
                new[] { "This is OpenAI's answer, not ChatAnywhere's: the request went to api.openai.com (or a relay that forwards there), so the base URL was never changed.", "ChatAnywhere's own wrong-key answer reads 'ApiKey错误 / wrong api key'." },
                new[] { "Set the base URL to {DefaultBaseUri} (or {OverseasBaseUri}): -BaseUri, or $env:OPENAI_BASE_URL / $env:OPENAI_API_BASE for other tools.", "Then test again: Test-ApiKey -BaseUri {DefaultBaseUri}." }),

            new DiagnosisRule("OpenAI rejected an OpenAI key", f => f.Says("Incorrect API key provided") && f.KeyIsOpenAI,
                KeyVerdict.InvalidKey, VerdictReason.KeyRejected,
                new[] { "OA-401-incorrect-key-measured" },
                new[] { "OpenAI does not accept this OpenAI key: it was revoked, deleted or mistyped." },
                new[] { "This is an OpenAI key; a ChatAnywhere key (sk- and 48 letters and digits) comes from the ChatAnywhere dashboard.", "Create a new key at https://platform.openai.com/api-keys if you meant to use OpenAI." }),

            new DiagnosisRule("No key arrived", f => f.Says("You didn't provide an API key", "未提供令牌", "Token not provided"),
                KeyVerdict.MalformedRequest, VerdictReason.NoKeyReceived,
                new[] { "OA-401-no-key", "ONE-401-no-token-measured", "NEW-401-no-token-measured" },
                new[] { "The server received no key: a proxy or gateway between here and {BaseUri} removed the Authorization header." },
                new[] { "Test without the proxy (-NoProxy) or check what the gateway forwards." }),

            new DiagnosisRule("Front end refused the Authorization header", f => f.Status == 401 && f.IsHtml && f.Says("401 Authorization Required"),
                KeyVerdict.MalformedRequest, VerdictReason.AuthHeaderMalformed,
                new[] { "CA-401-tengine-missing-sk" },
                new[] { "The web front end refused the Authorization header before the API saw it: a key without its sk- prefix, or a key in the wrong header." },
                new[] { "Send the whole key, sk- included, as 'Authorization: Bearer sk-...'." }),

            new DiagnosisRule("Relay management header missing", f => f.Says("New-Api-User"),
                KeyVerdict.MalformedRequest, VerdictReason.ManagementAuthHeader,
                new[] { "NEW-mgmt-401-missing-new-api-user" },
                new[] { "A new-api management route wants the New-Api-User header; this is not a data-plane answer about the key." },
                new[] { "Point -BaseUri at the relay's API root, not a management path." }),

            new DiagnosisRule("Relay management call failed", f => f.Status == 200 && f.Envelope.Success == false,
                KeyVerdict.Unknown, VerdictReason.ManagementAuthFailed,
                new[] { "ONE-mgmt-200-access-token-invalid" },
                new[] { "A one-api / new-api management route answered success:false with HTTP 200; it tells nothing about the key." },
                new[] { "Point -BaseUri at the relay's API root (the one clients use, ending before /v1)." }),

            // ---- Free-tier and plan limits (ChatAnywhere) ------------------------------------------
            new DiagnosisRule("Per-model daily limit", f => f.Says("模型免费API限制每日"),
                KeyVerdict.RateLimited, VerdictReason.DailyLimitPerModel,
                new[] { "CA-429-per-model-3-per-day-2025" },
                new[] { "The free tier allows only a few requests a day for this model, per key and per IP address." },
                new[] { "The daily limit resets at {DailyReset}.", "Use another model, or a paid key." }),

            new DiagnosisRule("Daily limit", f => f.Says("免费API限制每日", "requests per day"),
                KeyVerdict.RateLimited, VerdictReason.DailyLimit,
                new[] { "CA-429-free-200-per-day", "CA-429-shared-ip" },
                new[] { "The free tier's 200 requests a day are used up. They are counted per key and per IP address: every key used from this IP (a shared office, VPN, Vercel or Cloudflare Workers egress) shares them." },
                new[] { "The daily limit resets at {DailyReset}.", "Do not retry before then; a paid key has no daily cap." }),

            new DiagnosisRule("Free-tier prompt limit", f => f.Says("免费API限制模型输入token", "prompt tokens for free accounts"),
                KeyVerdict.Restricted, VerdictReason.PromptTokenLimit,
                new[] { "CA-403-free-prompt-4096-com-cn", "CA-403-free-prompt-4096-org", "CA-403-free-prompt-4096-message", "CA-free-prompt-4000-2024-01" },
                new[] { "The key works, but the free tier limits prompts to 4096 tokens." },
                new[] { "Shorten the prompt or the conversation history, or use a paid key." }),

            new DiagnosisRule("Free-tier model list", f => f.Says("免费API限制使用", "limited to use", "limit to use"),
                KeyVerdict.ModelNotAllowed, VerdictReason.FreeTierModel,
                new[] { "CA-403-free-model-whitelist-completions", "CA-403-free-model-whitelist-wrong-path", "CA-403-free-model-anthropic-messages", "CA-401-limit-to-use-2023", "CA-403-limit-to-use-2023", "CA-403-limit-to-use-2024-01" },
                new[] { "The key works, but the free tier does not include this model or path ({Model}).", "A URL missing /chat (the legacy /v1/completions path) gets the same answer." },
                new[] { "Use a model from the free list (the message names them) at /v1/chat/completions, or a paid key." }),

            new DiagnosisRule("Balance too low", f => f.Says("余额过低", "balance is not sufficient", "balance is too low"),
                KeyVerdict.QuotaExhausted, VerdictReason.BalanceTooLow,
                new[] { "CA-balance-too-low" },
                new[] { "The key is valid, but its balance cannot pay for this request." },
                new[] { "Top up the key's balance (the message names the page), or lower max_tokens." }),

            // ChatAnywhere answered these 403s with no readable body; both captures were balance problems.
            new DiagnosisRule("ChatAnywhere 403 without a body", f => f.Status == 403 && f.BodyIsEmpty && f.SentToChatAnywhere,
                KeyVerdict.QuotaExhausted, VerdictReason.BalanceTooLow,
                new[] { "CA-403-balance-preauth", "CA-403-gpt4-balance-below-0.8" },
                new[] { "ChatAnywhere refused the request without a message; when this was seen before, the balance was too low for the model or for max_tokens.", "Less likely: a free key asking for a paid model." },
                new[] { "Check the key's balance at {DefaultBaseUri}/#/ and top up, or use a cheaper model or smaller max_tokens." }),

            new DiagnosisRule("Suspended", f => f.Says("has been suspended", "用户已被封禁"),
                KeyVerdict.Restricted, VerdictReason.Suspended,
                new[] { "CA-key-suspended", "relay-admin-api.md §3 (one-api/new-api: 用户已被封禁)" },
                new[] { "The key (or its user) was suspended, usually after abuse or a terms violation." },
                new[] { "Ask the service to review the ban (ChatAnywhere: its QQ group); do not keep retrying." }),

            new DiagnosisRule("Access terminated", f => f.Says("access was terminated") || f.CodeOrTypeIs("access_terminated"),
                KeyVerdict.Restricted, VerdictReason.Terminated,
                new[] { "OA-access-terminated" },
                new[] { "The account's access was terminated for a policy violation." },
                new[] { "Appeal to the provider; a new key on the same account will not work." }),

            new DiagnosisRule("Account deactivated", f => f.Says("deactivated account") || f.CodeOrTypeIs("account_deactivated"),
                KeyVerdict.InvalidKey, VerdictReason.AccountDeactivated,
                new[] { "OA-account-deactivated" },
                new[] { "The account behind the key was deactivated." },
                new[] { "Contact the provider, or use a key of an active account." }),

            // ---- The key itself --------------------------------------------------------------------
            new DiagnosisRule("ChatAnywhere wrong key", f => f.MayProveKeyInvalid && f.Says("ApiKey错误", "wrong api key"),
                KeyVerdict.InvalidKey, VerdictReason.KeyRejected,
                new[] { "CA-401-invalid-key-measured", "CA-401-invalid-key-fixture" },
                new[] { "ChatAnywhere does not know this key: mistyped, revoked, or replaced after abuse.", "A key that was just issued may not be active on every node yet.", "Less likely: the key belongs to another service." },
                new[] { "Copy the key again from the ChatAnywhere dashboard.", "If the key is new, wait for it: Wait-KeyActivation." }),

            new DiagnosisRule("Relay token expired", f => f.MayProveKeyInvalid && f.Says("令牌已过期", "token has expired"),
                KeyVerdict.InvalidKey, VerdictReason.TokenExpired,
                new[] { "relay-admin-api.md §3 (one-api model/token.go, new-api i18n: 该令牌已过期)" },
                new[] { "The relay token has expired." },
                new[] { "Extend the token's expiry in the relay's console, or rotate it: Reset-ApiKey." }),

            new DiagnosisRule("Relay token quota used up", f => f.Says("额度已用尽", "quota is exhausted"),
                KeyVerdict.QuotaExhausted, VerdictReason.TokenQuotaExhausted,
                new[] { "relay-admin-api.md §3 (one-api model/token.go: 令牌额度已用尽)" },
                new[] { "The relay token's own quota is used up; the key is otherwise valid." },
                new[] { "Raise the token's quota in the relay's console, or make it unlimited." }),

            new DiagnosisRule("Relay token disabled", f => f.Says("令牌状态不可用", "token status is unavailable"),
                KeyVerdict.Restricted, VerdictReason.TokenDisabled,
                new[] { "relay-admin-api.md §3 (该令牌状态不可用)" },
                new[] { "The relay token is disabled." },
                new[] { "Enable the token in the relay's console." }),

            new DiagnosisRule("Relay invalid token", f => f.MayProveKeyInvalid && f.Says("无效的令牌", "Invalid token"),
                KeyVerdict.InvalidKey, VerdictReason.KeyRejected,
                new[] { "ONE-401-invalid-token-measured" },
                new[] { "The relay does not know this token: mistyped or deleted.", "Recent new-api versions give this same answer for expired, used-up and disabled tokens." },
                new[] { "Check the token in the relay's console; rotate it with Reset-ApiKey if needed." }),

            new DiagnosisRule("IP allow-list", f => f.Says("只能在指定网段使用", "IP 不在令牌允许", "not in the allowed"),
                KeyVerdict.Restricted, VerdictReason.IpAllowList,
                new[] { "relay-admin-api.md §3 (该令牌只能在指定网段使用 / 您的 IP 不在令牌允许访问的列表中)" },
                new[] { "The token only works from its allowed IP addresses, and this machine's is not one of them." },
                new[] { "Add this machine's public IP address to the token's allow-list, or test from an allowed host." }),

            new DiagnosisRule("Model not granted to the token", f => f.Says("无权使用模型", "无权访问模型", "has no access to model"),
                KeyVerdict.ModelNotAllowed, VerdictReason.ModelNotGranted,
                new[] { "relay-admin-api.md §3 (该令牌无权使用模型)" },
                new[] { "The token may not use {Model}." },
                new[] { "Add the model to the token's model list, or use one it allows." }),

            new DiagnosisRule("No channel for the model", f => f.Says("无可用渠道"),
                KeyVerdict.ModelNotAllowed, VerdictReason.NoChannelForModel,
                new[] { "NEW-no-channel-for-model" },
                new[] { "The relay has no upstream channel for {Model} in the token's group; the key itself is fine." },
                new[] { "Use a model the relay serves, or ask its operator to add a channel." }),

            new DiagnosisRule("Relay user quota", f => f.Says("quota is not enough", "用户额度不足", "令牌额度不足") || f.CodeOrTypeIs("insufficient_user_quota", "pre_consume_token_quota_failed"),
                KeyVerdict.QuotaExhausted, VerdictReason.UserQuotaExhausted,
                new[] { "ONE-403-insufficient-user-quota-observed", "ONE-403-insufficient-user-quota-log", "NEW-403-insufficient-user-quota" },
                new[] { "The relay account behind the key has no quota left; the key is valid." },
                new[] { "Top up the account on the relay, or ask its operator." }),

            // ---- The service and its upstream -------------------------------------------------------
            new DiagnosisRule("Relay upstream saturated", f => f.Says("上游负载已饱和"),
                KeyVerdict.RateLimited, VerdictReason.UpstreamSaturated,
                new[] { "ONE-429-group-saturated-upstream", "NEW-429-group-saturated" },
                new[] { "The relay's upstream is saturated; this is not about the key." },
                new[] { "Try again in a few minutes." }),

            new DiagnosisRule("Relay group saturated", f => f.Says("负载已饱和") || f.CodeOrTypeIs("billing_not_active"),
                KeyVerdict.ServiceUnavailable, VerdictReason.UpstreamAccountProblem,
                new[] { "ONE-group-saturated-billing-2023" },
                new[] { "The relay's upstream account for this group has a problem (saturated or billing inactive); this is not about the key." },
                new[] { "Try again later, or ask the relay's operator." }),

            new DiagnosisRule("Region refused", f => f.Says("region, or territory not supported") || f.CodeOrTypeIs("unsupported_country_region_territory"),
                KeyVerdict.ServiceUnavailable, VerdictReason.Region,
                new[] { "ONE-403-region-via-relay" },
                new[] { "The upstream refused the region the request came from; behind a relay this is the relay's upstream, not the key." },
                new[] { "Try the other host ({OverseasBaseUri} or {DefaultBaseUri}) or ask the relay's operator." }),

            new DiagnosisRule("ChatAnywhere upstream out of quota", f => f.Says("OpenAI response error") && f.CodeOrTypeIs("insufficient_quota"),
                KeyVerdict.ServiceUnavailable, VerdictReason.UpstreamAccountExhausted,
                new[] { "CA-insufficient-quota-upstream-2023" },
                new[] { "ChatAnywhere's own upstream account ran out of quota; insufficient_quota here is the service's problem, not your key's." },
                CheckStatus),

            new DiagnosisRule("ChatAnywhere upstream error", f => f.Says("OpenAI response error"),
                KeyVerdict.ServiceUnavailable, VerdictReason.UpstreamError,
                new[] { "CA-502-cf-bad-gateway-2023" },
                new[] { "ChatAnywhere's upstream failed; this says nothing about the key." },
                CheckStatus),

            new DiagnosisRule("No upstream answer", f => f.Says("模型无返回结果", "No response, please try again"),
                KeyVerdict.ServiceUnavailable, VerdictReason.NoUpstreamResponse,
                new[] { "CA-503-no-response" },
                new[] { "The model returned nothing: high load, or a prompt that was refused or too long." },
                CheckStatus),

            new DiagnosisRule("Model overloaded", f => f.Says("currently overloaded"),
                KeyVerdict.ServiceUnavailable, VerdictReason.Overloaded,
                new[] { "CA-overload-passthrough" },
                new[] { "The upstream model is overloaded; this is not about the key." },
                CheckStatus),

            new DiagnosisRule("Content policy", f => f.Says("safety system", "content_policy_violation"),
                KeyVerdict.MalformedRequest, VerdictReason.ContentPolicy,
                new[] { "CA-400-safety-system" },
                new[] { "The request was refused by the content policy; the key works." },
                new[] { "Change the prompt." }),

            new DiagnosisRule("Invalid URL", f => f.Says("Invalid URL ("),
                KeyVerdict.WrongEndpoint, VerdictReason.WrongPath,
                new[] { "OA-404-invalid-url" },
                new[] { "The path does not exist at {BaseUri}; the base URL probably has an extra or missing path segment." },
                new[] { "Use the API root as the base URL, e.g. {DefaultBaseUri} (with or without /v1)." }),

            // ---- Status alone, when the body told nothing -----------------------------------------
            new DiagnosisRule("Timeout status", f => f.Status == 408,
                KeyVerdict.NetworkError, VerdictReason.Timeout,
                new[] { "toolchain-notes.md (retry figures: 408 is retried by the OpenAI SDKs)" },
                new[] { "The server timed out waiting for the request." },
                new[] { "Try again; check the network and proxy." }),

            new DiagnosisRule("Too many requests", f => f.Status == 429,
                KeyVerdict.RateLimited, VerdictReason.RequestRateLimit,
                new[] { "OA-429-rate-limit-tpm", "ONE-429-global-rate-limit-empty", "CA-429-shared-ip" },
                new[] { "Too many requests in a short time.", "On ChatAnywhere's free tier, also the daily limit shared by every key used from this IP address." },
                new[] { "Wait {RetryAfter} and try again, with fewer keys at once (-ThrottleLimit)." }),

            new DiagnosisRule("Server error", f => f.Status >= 500,
                KeyVerdict.ServiceUnavailable, VerdictReason.ServerError,
                new[] { "CA-502-cf-bad-gateway-2023", "CA-503-no-response" },
                new[] { "The service failed ({Status}); this says nothing about the key." },
                CheckStatus),

            new DiagnosisRule("HTML instead of the API", f => f.Status == 200 && f.IsHtml,
                KeyVerdict.Unknown, VerdictReason.HtmlInsteadOfJson,
                new[] { "CF-challenge-html-prefix (an HTML page where JSON was expected)" },
                new[] { "An HTML page answered where the API's JSON was expected: a captive portal, a proxy's login page, or a web site at {BaseUri}." },
                new[] { "Check the base URL ({DefaultBaseUri}) and the proxy settings." }),

            new DiagnosisRule("Bad request", f => f.Status == 400,
                KeyVerdict.MalformedRequest, VerdictReason.BadRequest,
                new[] { "CA-400-bad-json" },
                new[] { "The server could not read the request." },
                new[] { "Report this with -Debug output: the probe request itself was refused." }),

            new DiagnosisRule("Not found", f => f.Status == 404 || f.Status == 405,
                KeyVerdict.WrongEndpoint, VerdictReason.WrongPath,
                new[] { "OA-404-invalid-url" },
                new[] { "There is no API at {BaseUri}: the base URL has a wrong path." },
                new[] { "Use the API root as the base URL, e.g. {DefaultBaseUri} (with or without /v1)." }),

            new DiagnosisRule("Unrecognised 401", f => f.Status == 401,
                KeyVerdict.InvalidKey, VerdictReason.UnrecognisedRefusal,
                new[] { "ONE-401-invalid-token-measured", "CA-401-invalid-key-measured" },
                new[] { "The server refused the key (401) in words this module does not know; most such answers mean a wrong or revoked key." },
                new[] { "Read the Message; copy the key again from where it was issued." }),

            new DiagnosisRule("Unrecognised 403", f => f.Status == 403,
                KeyVerdict.Restricted, VerdictReason.Forbidden,
                new[] { "anchors-keycheck.md (FavsHub: 403 is never an invalid key)" },
                new[] { "The server refused the request (403) in words this module does not know: a firewall, an IP or region rule, a plan limit. A 403 is not proof the key is wrong." },
                new[] { "Read the Message; try from another network." }),
        };
    }
}
