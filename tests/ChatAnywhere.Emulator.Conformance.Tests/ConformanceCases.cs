using System.Collections.Generic;
using System.Linq;

namespace ChatAnywhere.Emulator.Conformance.Tests
{
    /// <summary>
    /// Every personality x key class x {list, chat, chat stream}, each with the capture it is held to
    /// (conformance.scenario.json holds the keys). A success body was never captured from these services:
    /// served calls are held to OpenAI's documented shapes (docs/reference/streaming.md).
    /// </summary>
    public static class ConformanceCases
    {
        public const string ReplyText = "Hello from the ChatAnywhere emulator.";

        private const string Documented = "docs/reference/streaming.md";
        private const string ModelOutsideEveryFreeList = "o3-pro";
        private const string RelayChecks = "docs/reference/relay-admin-api.md §7 (from the relays' source)";

        private static readonly Operation[] AllOperations = [Operation.List, Operation.Chat, Operation.ChatStream];

        public static IReadOnlyDictionary<string, ConformanceCase> ByName { get; } = Build().ToDictionary(c => c.Name);

        private static IEnumerable<ConformanceCase> Build()
        {
            // ChatAnywhere at the root.
            var chatAnywhere = new CaseBuilder("chatanywhere", string.Empty);
            chatAnywhere.Every("paid key", "sk-ConfPaid0000000000000000000000000000000000000001", Expected.ServedBy(Documented));
            chatAnywhere.Every("free key", "sk-ConfFree0000000000000000000000000000000000000002", Expected.ServedBy(Documented));
            chatAnywhere.Chats("free key, model outside the free list", "sk-ConfFree0000000000000000000000000000000000000002",
                new Expected("CA-403-free-models-2025-apikey-suffix", 403, "chatanywhere_error", "403 FORBIDDEN", "The free account is limited to use"),
                list: Expected.ServedBy(Documented), model: ModelOutsideEveryFreeList);
            // conformance.scenario.json caps deepseek-v3 at 0 a day: the per-model refusal naming the model (2026's form).
            chatAnywhere.Chats("free key, model at its daily cap", "sk-ConfFree0000000000000000000000000000000000000002",
                new Expected("CA-429-per-model-named-gpt5-nano", 429, "chatanywhere_error", "429 TOO_MANY_REQUESTS", "deepseek-v3模型免费API限制每日0次请求"),
                list: Expected.ServedBy(Documented), model: "deepseek-v3");
            chatAnywhere.Every("unknown key", "sk-ConfUnknown000000000000000000000000000000000099",
                new Expected("CA-401-invalid-key-measured", 401, "chatanywhere_error", "401 UNAUTHORIZED", "wrong api key"));
            chatAnywhere.Every("free key past its daily limit", "sk-ConfDaily000000000000000000000000000000000000003",
                new Expected("CA-429-free-200-per-day", 429, "chatanywhere_error", "429 TOO_MANY_REQUESTS", "requests per day"));
            // CA-key-suspended carries no status; the emulator answers 401 (ScenarioKey.Status).
            chatAnywhere.Every("suspended key", "sk-ConfSuspended00000000000000000000000000000000004",
                new Expected("CA-key-suspended", 401, "chatanywhere_error", "401 UNAUTHORIZED", "api key has been suspended"));
            chatAnywhere.Every("key without balance", "sk-ConfBalance0000000000000000000000000000000000005",
                new Expected("CA-balance-low-apikey-via-gateway", 403, "chatanywhere_error", "403 FORBIDDEN", "账户余额过低"));
            // A base URL without /v1: ChatAnywhere's front nginx answers an HTML 404, which the client cannot read as JSON.
            var withoutV1 = new CaseBuilder("chatanywhere", string.Empty, pathToV1: string.Empty);
            withoutV1.Every("base URL without /v1", "sk-ConfPaid0000000000000000000000000000000000000001",
                new Expected("WEB-404-nginx-chatanywhere-wrong-path", 404));

            // api.openai.com at /openai.
            var openAI = new CaseBuilder("openai", "openai");
            openAI.Every("OpenAI key", "sk-proj-ConfOpenAI00000000000000000000000000000000000008", Expected.ServedBy(Documented));
            openAI.Every("ChatAnywhere key", "sk-ConfPaid0000000000000000000000000000000000000001",
                new Expected("OA-401-incorrect-key-measured", 401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided"));
            openAI.Every("deactivated account", "sk-proj-ConfOpenAISuspended00000000000000000000000000009",
                new Expected("OA-401-account-deactivated-code", 401, "invalid_request_error", "account_deactivated", "has been deactivated"));
            // OA-429-insufficient-quota is of a chat; no capture shows the model list refusing such a key.
            openAI.Chats("out of credit", "sk-proj-ConfOpenAIQuota000000000000000000000000000000010",
                new Expected("OA-429-insufficient-quota", 429, "insufficient_quota", "insufficient_quota", "You exceeded your current quota"),
                list: Expected.ServedBy(Documented));
            openAI.Chats("unknown model", "sk-proj-ConfOpenAI00000000000000000000000000000000000008",
                new Expected("OA-404-model-not-found-no-access", 404, "invalid_request_error", "model_not_found", "does not exist or you do not have access to it"),
                list: Expected.ServedBy(Documented), model: "gpt-9");

            // The relays: one-api, new-api (current) and new-api as of 2025-04. Current new-api answers every token
            // failure on a relay route with its invalid-token text (docs/reference/relay-admin-api.md §3, middleware/auth.go).
            const string CurrentNewApiCollapses = "docs/reference/relay-admin-api.md §3 (new-api/current TokenAuth)";
            var relays = new[]
            {
                new RelayCases(new CaseBuilder("one-api", "relay/one-api"), "one_api_error",
                    Disabled: ("ONE-401-token-status-unavailable", "该令牌状态不可用"),
                    Expired: ("ONE-401-token-expired", "该令牌已过期"),
                    Exhausted: ("ONE-401-token-exhausted-remain-zero", "该令牌额度已用尽")),
                new RelayCases(new CaseBuilder("new-api", "relay/new-api"), "new_api_error",
                    Disabled: (CurrentNewApiCollapses, "无效的令牌"),
                    Expired: (CurrentNewApiCollapses, "无效的令牌"),
                    Exhausted: (CurrentNewApiCollapses, "无效的令牌")),
                new RelayCases(new CaseBuilder("new-api-2025", "relay/new-api-2025"), "new_api_error",
                    Disabled: ("ONE-401-token-status-unavailable", "该令牌状态不可用"),
                    Expired: ("ONE-401-token-expired", "该令牌已过期"),
                    Exhausted: ("NEW-401-token-exhausted-masked-2025", "该令牌额度已用尽")),
            };
            RelayAccessCases(relays[0].Builder, "one_api_error", ipCode: string.Empty, ipEveryRoute: true,
                modelRefused: ("ONE-403-model-not-granted-log", "该令牌无权使用模型：gpt-4o"), ipRefused: ("ONE-403-subnet-not-allowed", "该令牌只能在指定网段使用"));
            RelayAccessCases(relays[1].Builder, "new_api_error", ipCode: "access_denied", ipEveryRoute: true,
                modelRefused: ("NEW-403-token-model-forbidden-zh-2025", "该令牌无权访问模型 gpt-4o"), ipRefused: (RelayChecks, "您的 IP 不在令牌允许访问的列表中"));
            RelayAccessCases(relays[2].Builder, "new_api_error", ipCode: string.Empty, ipEveryRoute: false,
                modelRefused: ("NEW-403-token-model-forbidden-zh-2025", "该令牌无权访问模型 gpt-4o"), ipRefused: (RelayChecks, "您的 IP 不在令牌允许访问的列表中"));
            foreach (RelayCases relay in relays)
            {
                relay.Builder.Every("active token", "sk-ConfRelayActive000000000000000000000000000000101", Expected.ServedBy(Documented));
                relay.Builder.Every("unknown token", "sk-ConfRelayUnknown000000000000000000000000000000199",
                    new Expected("ONE-401-invalid-token-measured", 401, relay.Type, string.Empty, "无效的令牌"));
                relay.Builder.Every("disabled token", "sk-ConfRelayDisabled0000000000000000000000000000102",
                    new Expected(relay.Disabled.Capture, 401, relay.Type, string.Empty, relay.Disabled.Phrase));
                relay.Builder.Every("expired token", "sk-ConfRelayExpired00000000000000000000000000000103",
                    new Expected(relay.Expired.Capture, 401, relay.Type, string.Empty, relay.Expired.Phrase));
                relay.Builder.Every("exhausted token", "sk-ConfRelayExhausted000000000000000000000000000104",
                    new Expected(relay.Exhausted.Capture, 401, relay.Type, string.Empty, relay.Exhausted.Phrase));
            }

            // Service faults, worded by the service called: its capture for that status, else the status alone.
            const string NoCapture = "no capture of this service at this status: the status alone";
            var faults = new (CaseBuilder Builder, Expected Internal, Expected Unavailable, Expected RateLimited)[]
            {
                (chatAnywhere,
                    new("CA-500-null-message-2024", 500, "chatanywhere_error", "500 INTERNAL_SERVER_ERROR"),
                    new("CA-503-no-response", 503, "chatanywhere_error", "503 SERVICE_UNAVAILABLE", "No response"),
                    new("CA-429-readme-rate-limited-2023", 429)),
                (openAI,
                    new("OA-500-server-error", 500, "server_error", string.Empty, "The server had an error processing your request"),
                    new(NoCapture, 503),
                    new("OA-429-rate-limit-rpm", 429, "requests", "rate_limit_exceeded", "Rate limit reached for")),
                (relays[0].Builder,
                    new(NoCapture, 500),
                    new(NoCapture, 503),
                    new("ONE-429-global-rate-limit-empty", 429)),
                (relays[1].Builder,
                    new(NoCapture, 500),
                    new(NoCapture, 503),
                    new("NEW-429-group-saturated", 429, "new_api_error", string.Empty, "上游负载已饱和")),
                (relays[2].Builder,
                    new(NoCapture, 500),
                    new(NoCapture, 503),
                    new("NEW-429-group-saturated", 429, "new_api_error", string.Empty, "上游负载已饱和")),
            };
            foreach (var fault in faults)
            {
                fault.Builder.Every("fault 500", "sk-ConfFaultInternal00000000000000000000000000000015", fault.Internal);
                fault.Builder.Every("fault 503", "sk-ConfFaultUnavailable000000000000000000000000000016", fault.Unavailable);
                fault.Builder.Every("fault rate limit", "sk-ConfFaultRateLimit0000000000000000000000000000017", fault.RateLimited);
            }

            return new[] { chatAnywhere, withoutV1, openAI }.Concat(relays.Select(relay => relay.Builder)).SelectMany(builder => builder.Cases);
        }

        /// <summary>
        /// What a relay checks after the token (relay-admin-api.md §7): a model limit (chat only), an IP allow-list (every
        /// route, or chat only on new-api 2025-04), a channel suffix of a user who is not an admin, a banned user.
        /// </summary>
        private static void RelayAccessCases(CaseBuilder relay, string type, string ipCode, bool ipEveryRoute, (string Capture, string Phrase) modelRefused, (string Capture, string Phrase) ipRefused)
        {
            relay.Chats("token limited to another model", "sk-ConfRelayOneModel0000000000000000000000000000105",
                new Expected(modelRefused.Capture, 403, type, string.Empty, modelRefused.Phrase), list: Expected.ServedBy(Documented), model: "gpt-4o");
            var ip = new Expected(ipRefused.Capture, 403, type, ipCode, ipRefused.Phrase);
            if (ipEveryRoute)
            {
                relay.Every("token for another network", "sk-ConfRelayElsewhere000000000000000000000000000106", ip);
            }
            else
            {
                relay.Chats("token for another network", "sk-ConfRelayElsewhere000000000000000000000000000106", ip, list: Expected.ServedBy(Documented));
            }

            relay.Every("channel suffix of a user who is not an admin", "sk-ConfRelayActive000000000000000000000000000000101-3",
                new Expected(RelayChecks, 403, type, string.Empty, "普通用户不支持指定渠道"));
            relay.Every("banned user's token", "sk-ConfRelayBannedUser00000000000000000000000000107",
                new Expected(RelayChecks, 403, type, string.Empty, "用户已被封禁"));
        }

        private sealed record RelayCases(
            CaseBuilder Builder, string Type, (string Capture, string Phrase) Disabled, (string Capture, string Phrase) Expired, (string Capture, string Phrase) Exhausted);

        private sealed class CaseBuilder(string personality, string mount, string? pathToV1 = null)
        {
            public List<ConformanceCase> Cases { get; } = [];

            /// <summary>The same answer to the list, the chat and the streamed chat.</summary>
            public void Every(string keyClass, string key, Expected expected)
            {
                foreach (Operation operation in AllOperations)
                {
                    Add(keyClass, key, operation, expected, "gpt-4o-mini");
                }
            }

            /// <summary>Chats (whole and streamed) get <paramref name="chat"/>; the model list gets <paramref name="list"/>.</summary>
            public void Chats(string keyClass, string key, Expected chat, Expected list, string model = "gpt-4o-mini")
            {
                Add(keyClass, key, Operation.List, list, model);
                Add(keyClass, key, Operation.Chat, chat, model);
                Add(keyClass, key, Operation.ChatStream, chat, model);
            }

            private void Add(string keyClass, string key, Operation operation, Expected expected, string model) =>
                Cases.Add(new ConformanceCase(personality, mount, keyClass, key, operation, expected, model) { PathOverride = pathToV1 });
        }
    }
}
