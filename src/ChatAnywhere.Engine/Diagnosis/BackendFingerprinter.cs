using System;
using System.Text.RegularExpressions;
using ChatAnywhere.Engine.Endpoints;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// Tells which software answered from marks in the answer, then from the host. Error type
    /// literals alone are weak (operators rename them), so several marks are used per backend.
    /// </summary>
    public static class BackendFingerprinter
    {
        // Spring's HttpStatus.toString(), e.g. "403 FORBIDDEN": ChatAnywhere's error.code (relay-admin-api.md §6).
        private static readonly Regex SpringStatusCode = new Regex(@"^\d{3} [A-Z_]+$", RegexOptions.CultureInvariant);

        /// <summary>Identifies the backend of one answer.</summary>
        public static BackendKind Identify(ResponseFacts facts)
        {
            if (facts is null)
            {
                throw new ArgumentNullException(nameof(facts));
            }

            var response = facts.Response;

            // CA-503-no-response, CA-429-free-200-per-day, CA-502-cf-bad-gateway-2023.
            if (facts.Says("chatanywhere_error", "QQ群", "当前请求使用的ApiKey", "免费API限制", "ApiKey错误") ||
                (facts.Envelope.Code is not null && SpringStatusCode.IsMatch(facts.Envelope.Code)) ||
                facts.Envelope.IsChatAnywhere2023)
            {
                return BackendKind.ChatAnywhere;
            }

            // OA-401-incorrect-key-*: the message points at platform.openai.com; WWW-Authenticate names OpenAI.
            if (facts.Says("platform.openai.com") ||
                (response.Header("WWW-Authenticate")?.IndexOf("OpenAI", StringComparison.OrdinalIgnoreCase) ?? -1) >= 0 ||
                response.Header("openai-processing-ms") is not null)
            {
                return BackendKind.OpenAI;
            }

            // new-api sends X-New-Api-Version (relay-admin-api.md §4) and type new_api_error (NEW-429-group-saturated).
            if (response.Header("X-New-Api-Version") is not null || facts.CodeOrTypeIs("new_api_error"))
            {
                return BackendKind.NewApi;
            }

            // one-api appends "(request id: ...)" (ONE-403-insufficient-user-quota-observed) and says 令牌 for a token.
            if (facts.CodeOrTypeIs("one_api_error") || facts.Says("(request id:", "未提供令牌", "无效的令牌", "令牌") ||
                response.Header("X-Oneapi-Request-Id") is not null)
            {
                return BackendKind.OneApi;
            }

            // CF-403-challenge-measured, CF-blocked-page, CF-502-bad-gateway.
            if (facts.IsHtml && (facts.Says("Just a moment...", "you have been blocked", "cloudflare") ||
                                 Regex.IsMatch(facts.Envelope.Message ?? string.Empty, @"\| 5\d\d: ") ||
                                 response.Header("cf-ray") is not null))
            {
                return BackendKind.Cloudflare;
            }

            switch (facts.Context.EndpointKind)
            {
                case EndpointKind.ChatAnywhere:
                    return BackendKind.ChatAnywhere;
                case EndpointKind.OpenAI:
                    return BackendKind.OpenAI;
                default:
                    return BackendKind.Unknown;
            }
        }
    }
}
