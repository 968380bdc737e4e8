using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Json;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Logging;
using ChatAnywhere.Engine.Probing;

namespace ChatAnywhere.Engine.Balance
{
    /// <summary>
    /// Get-ApiKeyBalance's engine: asks the backend that owns a key how much is left, on routes that
    /// spend nothing (never /v1/models, never a chat: balance-usage.md §1.4), and turns the answer, or
    /// the backend's refusal read by the shared classifier, into an <see cref="ApiKeyBalance"/>.
    /// One instance serves a whole invocation, concurrently.
    /// </summary>
    internal sealed class BalanceChecker : IDisposable
    {
        private const string ChatAnywhereBalancePath = "/v1/query/balance";
        private const string ChatAnywhereUsagePath = "/v1/query/usage_details";
        private const string SubscriptionPath = "/v1/dashboard/billing/subscription";
        private const string UsagePath = "/v1/dashboard/billing/usage";
        private const string TokenUsagePath = "/api/usage/token/";
        private const string StatusPath = "/api/status";

        private readonly BalanceRequestSender _sender;
        private readonly BalanceOptions _options;
        private readonly SecretRedactor _redactor;
        private readonly IProbeLog _log;
        private readonly TimeProvider _time;
        private HttpClient? _ownedClient;

        /// <summary>Creates a checker over the caller's HttpClient.</summary>
        public BalanceChecker(HttpClient client, BalanceOptions options, SecretRedactor redactor, IProbeLog? log = null, TimeProvider? timeProvider = null, Func<double>? jitter = null)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _redactor = redactor ?? throw new ArgumentNullException(nameof(redactor));
            _log = log ?? NullProbeLog.Instance;
            _time = timeProvider ?? TimeProvider.System;
            _sender = new BalanceRequestSender(client ?? throw new ArgumentNullException(nameof(client)), options, _log, _time, jitter);
        }

        /// <summary>Get-ApiKeyBalance's entry point: a checker with its own HttpClient, released by <see cref="Dispose"/>.</summary>
        public static BalanceChecker Create(HttpClientSettings settings, BalanceOptions options, SecretRedactor redactor, IProbeLog? log = null)
        {
            var client = ProbeHttpClientFactory.Create(settings);
            return new BalanceChecker(client, options, redactor, log) { _ownedClient = client };
        }

        /// <summary>Releases the HttpClient of a checker made by <see cref="Create"/>.</summary>
        public void Dispose() => _ownedClient?.Dispose();

        /// <summary>Reads one key's balance. A refused key is a result, not an exception.</summary>
        /// <exception cref="ArgumentException">The key is empty.</exception>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        public async Task<ApiKeyBalance> CheckAsync(KeyInspection key, ServiceEndpoint endpoint, CancellationToken cancellationToken)
        {
            if (key is null || key.IsEmpty)
            {
                throw new ArgumentException("The key is empty.", nameof(key));
            }

            if (endpoint is null)
            {
                throw new ArgumentNullException(nameof(endpoint));
            }

            var result = new ApiKeyBalance { Key = key.Masked, KeyFingerprint = key.Fingerprint, BaseUri = endpoint.ToString() };
            var notes = new List<string>();
            if (Preflight.Check(key, endpoint) is { } refused)
            {
                Refusal(result, notes, null, refused);
            }
            else
            {
                await ReadAsync(key, endpoint, result, notes, cancellationToken).ConfigureAwait(false);
            }

            if (key.WasCleaned)
            {
                notes.Insert(0, $"The key as given had {string.Join(" and ", key.Removed)}; the cleaned key was used.");
            }

            if (_options.MinimumRemaining is { } minimum && !result.Unlimited && result.Remaining is { } left && left < minimum)
            {
                result.IsLow = true;
            }

            result.Diagnosis = Redact(key, notes);
            result.Message = result.Message is null ? null : _redactor.Redact(key.Redact(result.Message));
            result.CheckedAt = _time.GetUtcNow().UtcDateTime;
            return result;
        }

        private async Task ReadAsync(KeyInspection key, ServiceEndpoint endpoint, ApiKeyBalance result, List<string> notes, CancellationToken token)
        {
            var backend = _options.Backend;
            if (backend == RelayBackend.Auto && endpoint.Kind == EndpointKind.ChatAnywhere)
            {
                backend = RelayBackend.ChatAnywhere;
            }

            if (backend == RelayBackend.ChatAnywhere)
            {
                await ReadChatAnywhereAsync(key, endpoint, result, notes, token).ConfigureAwait(false);
                return;
            }

            // The relay's public status: which software, and how it counts money (no key is sent).
            var status = await _sender.SendAsync(HttpMethod.Get, StatusPath, null, key, KeyPresentation.None, endpoint, token).ConfigureAwait(false);
            var detected = BackendKind.Unknown;
            var units = RelaySiteUnits.Unknown;
            if (status.Response is { } statusAnswer && RelayStatusReader.TryRead(statusAnswer, out _, out _, out var kind))
            {
                detected = kind;
                units = RelaySiteUnits.Read(statusAnswer.Body);
            }

            if (backend == RelayBackend.Auto)
            {
                backend = detected == BackendKind.NewApi ? RelayBackend.NewApi : detected == BackendKind.OneApi ? RelayBackend.OneApi : RelayBackend.Auto;
            }

            if (backend == RelayBackend.NewApi)
            {
                result.Backend = BackendKind.NewApi;
                if (await ReadNewApiTokenUsageAsync(key, endpoint, units, result, notes, token).ConfigureAwait(false))
                {
                    return;
                }
            }
            else if (backend == RelayBackend.OneApi)
            {
                result.Backend = BackendKind.OneApi;
            }

            var billing = await ReadBillingAsync(key, endpoint, units, backend == RelayBackend.OneApi, result, notes, token).ConfigureAwait(false);
            if (billing || backend != RelayBackend.Auto)
            {
                return;
            }

            // Neither a known relay nor the billing routes: ChatAnywhere's own route, for a mirror or proxy of it.
            notes.Add($"{endpoint} serves neither a relay's /api/status nor the billing routes; ChatAnywhere's balance route was tried.");
            await ReadChatAnywhereAsync(key, endpoint, result, notes, token).ConfigureAwait(false);
        }

        private async Task ReadChatAnywhereAsync(KeyInspection key, ServiceEndpoint endpoint, ApiKeyBalance result, List<string> notes, CancellationToken token)
        {
            // The page's own call: POST, the bare key, an empty body (balance-usage.md §1.2).
            var exchange = await _sender.SendAsync(HttpMethod.Post, ChatAnywhereBalancePath, new ByteArrayContent(Array.Empty<byte>()), key, KeyPresentation.Bare, endpoint, token).ConfigureAwait(false);
            result.Backend = exchange.Classification.Backend == BackendKind.Unknown ? BackendKind.ChatAnywhere : exchange.Classification.Backend;
            if (!exchange.Answered)
            {
                Refusal(result, notes, exchange.Source, exchange.Classification);
                return;
            }

            var figures = ChatAnywhereBalanceReader.ReadBalance(exchange.Response!.Body);
            if (figures is null)
            {
                NotUnderstood(result, notes, exchange);
                return;
            }

            Apply(result, figures, notes, exchange.Source);
            if (_options.UsageHours is { } hours)
            {
                var pattern = _options.UsageModel ?? "%";
                var body = JsonWriter.Write(new Dictionary<string, object?> { ["model"] = pattern, ["hours"] = hours });
                var usage = await _sender.SendAsync(HttpMethod.Post, ChatAnywhereUsagePath, new StringContent(body, Encoding.UTF8, "application/json"), key, KeyPresentation.Bare, endpoint, token).ConfigureAwait(false);
                var rows = usage.Answered ? ChatAnywhereBalanceReader.ReadUsage(usage.Response!.Body, pattern) : null;
                if (rows is null)
                {
                    notes.Add($"{usage.Source} gave no usage rows ({Describe(usage)}).");
                }
                else
                {
                    result.Usage = rows;
                    notes.Add("Usage cost is in the unit of the service's web page, which the answer does not name.");
                }
            }
        }

        /// <summary>True when /api/usage/token/ answered; false when it is not there or not understood (older new-api).</summary>
        private async Task<bool> ReadNewApiTokenUsageAsync(KeyInspection key, ServiceEndpoint endpoint, RelaySiteUnits units, ApiKeyBalance result, List<string> notes, CancellationToken token)
        {
            // Exactly "Bearer <key>": a bare key is refused here (balance-usage.md §3.2).
            var exchange = await _sender.SendAsync(HttpMethod.Get, TokenUsagePath, null, key, KeyPresentation.Bearer, endpoint, token).ConfigureAwait(false);
            var figures = exchange.Answered ? NewApiTokenUsageReader.Read(exchange.Response!.Body, units) : null;
            if (figures is not null)
            {
                Apply(result, figures, notes, exchange.Source);
                if (_options.UsageHours is not null)
                {
                    notes.Add("new-api's token usage gives totals only, no hourly rows: see Used.");
                }

                return true;
            }

            if (!exchange.Answered && !exchange.RouteMissing && exchange.Response is not null && exchange.Classification.Verdict != KeyVerdict.ServiceUnavailable)
            {
                // The relay read the key and refused it: that is the answer.
                Refusal(result, notes, exchange.Source, exchange.Classification);
                return true;
            }

            notes.Add($"{exchange.Source} gave no balance ({Describe(exchange)}); the billing routes were read instead.");
            return false;
        }

        /// <summary>True when the billing routes gave figures or a refusal; false when they are not there.</summary>
        private async Task<bool> ReadBillingAsync(KeyInspection key, ServiceEndpoint endpoint, RelaySiteUnits units, bool oneApi, ApiKeyBalance result, List<string> notes, CancellationToken token)
        {
            var subscription = await _sender.SendAsync(HttpMethod.Get, SubscriptionPath, null, key, KeyPresentation.Bearer, endpoint, token).ConfigureAwait(false);
            if (subscription.RouteMissing && _options.Backend == RelayBackend.Auto && result.Backend == BackendKind.Unknown)
            {
                return false;
            }

            if (result.Backend == BackendKind.Unknown)
            {
                result.Backend = subscription.Classification.Backend;
            }

            if (!subscription.Answered)
            {
                Refusal(result, notes, subscription.Source, subscription.Classification);
                return true;
            }

            // These routes send their own errors with status 200 (balance-usage.md §2.2).
            var body = subscription.Response!.Body;
            if (BillingRoutesReader.ErrorMessage(body) is { } message)
            {
                result.State = BalanceState.Unknown;
                result.Source = subscription.Source;
                result.StatusCode = 200;
                result.Message = message;
                notes.Add($"The relay answered {subscription.Source} with an error: {message}");
                return true;
            }

            var usage = await _sender.SendAsync(HttpMethod.Get, UsagePath, null, key, KeyPresentation.Bearer, endpoint, token).ConfigureAwait(false);
            var usageBody = usage.Answered ? usage.Response!.Body : null;
            var figures = BillingRoutesReader.Read(body, usageBody, units.DisplayUnit, oneApi);
            if (figures is null)
            {
                NotUnderstood(result, notes, subscription);
                return true;
            }

            if (units.DisplayUnit == BalanceUnit.Unknown)
            {
                notes.Add($"Unit is Unknown: {units.Description}, and the \"_usd\" fields are not always dollars (balance-usage.md §3.1).");
            }

            Apply(result, figures, notes, subscription.Source);
            if (_options.UsageHours is not null && BillingRoutesReader.UsageRow(usageBody, units.DisplayUnit) is { } row)
            {
                result.Usage = new[] { row };
                notes.Add("The relay's usage route gives only the total since the token was made: -UsageHours and -Model do not narrow it.");
            }

            return true;
        }

        private void Apply(ApiKeyBalance result, BalanceFigures figures, List<string> notes, string source)
        {
            result.Total = figures.Total;
            result.Used = figures.Used;
            result.Remaining = figures.Unlimited ? null : figures.Remaining;
            result.Unit = figures.Unit;
            result.Unlimited = figures.Unlimited;
            result.ExpiresAt = figures.ExpiresAt;
            result.State = figures.StateAt(_time.GetUtcNow());
            result.Source = source;
            result.StatusCode = 200;
            notes.AddRange(figures.Notes);
        }

        private static void Refusal(ApiKeyBalance result, List<string> notes, string? source, Classification classification)
        {
            result.Source = source;
            result.Verdict = classification.Verdict;
            result.Reason = classification.Reason;
            result.StatusCode = classification.StatusCode;
            result.Message = classification.Message;
            if (result.Backend == BackendKind.Unknown)
            {
                result.Backend = classification.Backend;
            }

            result.State = StateOf(classification);
            notes.AddRange(classification.Diagnosis);
        }

        private static void NotUnderstood(ApiKeyBalance result, List<string> notes, BalanceExchange exchange)
        {
            result.State = BalanceState.Unknown;
            result.Source = exchange.Source;
            result.StatusCode = exchange.Response?.StatusCode;
            notes.Add($"{exchange.Source} answered 200 with a body that is not a balance ({Describe(exchange)}): nothing was read from it.");
        }

        // A refusal's verdict as a balance state (docs/verdicts.md): only what the verdict proves.
        private static BalanceState StateOf(Classification classification) => classification.Verdict switch
        {
            KeyVerdict.InvalidKey when classification.Reason == VerdictReason.TokenExpired => BalanceState.Expired,
            KeyVerdict.InvalidKey => BalanceState.Invalid,
            KeyVerdict.MalformedKey => BalanceState.Invalid,
            KeyVerdict.QuotaExhausted => BalanceState.Exhausted,
            KeyVerdict.Restricted when classification.Reason == VerdictReason.Suspended || classification.Reason == VerdictReason.TokenDisabled ||
                                       classification.Reason == VerdictReason.Terminated || classification.Reason == VerdictReason.AccountDeactivated => BalanceState.Disabled,
            _ => BalanceState.Unknown,
        };

        private static string Describe(BalanceExchange exchange) => exchange.Response is { } response
            ? string.Format(CultureInfo.InvariantCulture, "HTTP {0}, {1}", response.StatusCode, exchange.Classification.Verdict)
            : $"{exchange.Classification.Reason}";

        private TextLines Redact(KeyInspection key, List<string> lines)
        {
            if (lines.Count == 0)
            {
                return TextLines.None;
            }

            var redacted = new string[lines.Count];
            for (var i = 0; i < lines.Count; i++)
            {
                redacted[i] = _redactor.Redact(key.Redact(lines[i]));
            }

            return new TextLines(redacted);
        }
    }
}
