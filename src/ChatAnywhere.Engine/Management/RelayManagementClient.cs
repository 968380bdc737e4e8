using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Logging;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Json;
using ChatAnywhere.Engine.Keys;

namespace ChatAnywhere.Engine.Management
{
    /// <summary>
    /// Calls a one-api or new-api relay's token API (/api/token, relay-admin-api.md §1-2) with the
    /// user's access token. Every answer is read through the relay's envelope
    /// {"success","message","data"}: success:false is a failure whatever the HTTP status, because
    /// both relays refuse an unknown access token with HTTP 200 (ONE-mgmt-200-access-token-invalid).
    /// </summary>
    internal sealed class RelayManagementClient
    {
        /// <summary>Tokens asked for per page where the relay lets the client choose (new-api: at most 100).</summary>
        public const int PageSize = 100;

        // A page of 100 tokens is about 40 KB; leave room, but stay bounded.
        private const int BodyLimit = 1024 * 1024;

        // Token lists carry every token's whole key, stored without sk- (relay-admin-api.md §2), so
        // the redactor's sk- pattern would miss them: logged bodies mask every "key" member.
        private static readonly Regex KeyMember = new Regex("\"key\"\\s*:\\s*\"([^\"]*)\"", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        private readonly HttpClient _client;
        private readonly string _root;
        private readonly string _accessToken;
        private readonly int? _userId;
        private readonly TimeSpan _timeout;
        private readonly SecretRedactor _redactor;
        private readonly IProbeLog _log;

        /// <summary>Creates a client for the relay at <paramref name="relay"/> (its base URL, without /v1).</summary>
        public RelayManagementClient(HttpClient client, Uri relay, string accessToken, int? userId, TimeSpan timeout, SecretRedactor redactor, IProbeLog? log = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _root = (relay ?? throw new ArgumentNullException(nameof(relay))).AbsoluteUri.TrimEnd('/');
            _accessToken = accessToken ?? throw new ArgumentNullException(nameof(accessToken));
            _userId = userId;
            _timeout = timeout;
            _redactor = redactor ?? throw new ArgumentNullException(nameof(redactor));
            _log = log ?? NullProbeLog.Instance;
            _redactor.Register(accessToken);
        }

        /// <summary>GET /api/token/{id}.</summary>
        public async Task<RelayToken> GetAsync(long id, CancellationToken cancellationToken)
        {
            var data = await SendAsync(HttpMethod.Get, $"/api/token/{Number(id)}", null, $"read token #{id}", cancellationToken).ConfigureAwait(false);
            return RelayToken.FromJson(data) ?? throw Unexpected($"read token #{id}", "the answer holds no token");
        }

        /// <summary>
        /// GET /api/token/search: tokens whose name matches <paramref name="keyword"/> (one-api: starts
        /// with it; new-api: contains it) and, on new-api, whose key contains <paramref name="keyFragment"/>.
        /// </summary>
        public async Task<IReadOnlyList<RelayToken>> SearchAsync(string keyword, string? keyFragment, CancellationToken cancellationToken)
        {
            var query = "keyword=" + Uri.EscapeDataString(keyword ?? string.Empty);
            if (!string.IsNullOrEmpty(keyFragment))
            {
                query += "&token=" + Uri.EscapeDataString(keyFragment);
            }

            // new-api/current pages search results like the list (1-based); older relays ignore these.
            query += $"&p=1&page_size={PageSize}&size={PageSize}";
            var data = await SendAsync(HttpMethod.Get, "/api/token/search?" + query, null, "search the relay's tokens", cancellationToken).ConfigureAwait(false);
            return ReadTokens(data, out _);
        }

        /// <summary>
        /// GET /api/token/?p=N: one page of the user's tokens. <paramref name="page"/> is passed as
        /// given: one-api and new-api/2025-04 count from 0, new-api/current from 1 (its answer is paged).
        /// </summary>
        public async Task<TokenPage> ListAsync(int page, CancellationToken cancellationToken)
        {
            var data = await SendAsync(
                HttpMethod.Get,
                $"/api/token/?p={Number(page)}&page_size={PageSize}&size={PageSize}",
                null,
                "list the relay's tokens",
                cancellationToken).ConfigureAwait(false);
            var tokens = ReadTokens(data, out var total);
            return new TokenPage(tokens, total);
        }

        /// <summary>POST /api/token/: creates a token; one-api answers with it (key included), new-api with nothing.</summary>
        public async Task<RelayToken?> CreateAsync(IDictionary<string, object?> settings, CancellationToken cancellationToken)
        {
            var data = await SendAsync(HttpMethod.Post, "/api/token/", settings, "create the replacement token", cancellationToken).ConfigureAwait(false);
            return RelayToken.FromJson(data);
        }

        /// <summary>
        /// POST /api/token/{id}/key (new-api/current): the whole key of a token the relay lists masked.
        /// Null when the relay has no such route (older relays answer 404 without the envelope).
        /// </summary>
        public async Task<string?> RevealKeyAsync(long id, CancellationToken cancellationToken)
        {
            object? data;
            try
            {
                data = await SendAsync(HttpMethod.Post, $"/api/token/{Number(id)}/key", null, $"read the key of token #{id}", cancellationToken).ConfigureAwait(false);
            }
            catch (RelayManagementException missing) when (missing.Failure == ManagementFailure.UnexpectedAnswer && missing.StatusCode == 404)
            {
                _log.Verbose($"The relay has no key-reveal route (HTTP 404 on POST /api/token/{id}/key).");
                return null;
            }

            var stored = JsonLite.Text(data, "key");
            var key = RelayToken.WholeKey(stored);
            _redactor.Register(stored);
            _redactor.Register(key);
            return key;
        }

        /// <summary>PUT /api/token/: replaces a token's settings (the body carries its id).</summary>
        public Task UpdateAsync(IDictionary<string, object?> settings, string operation, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Put, "/api/token/", settings, operation, cancellationToken);

        /// <summary>PUT /api/token/?status_only=true: enables (1) or disables (2) a token.</summary>
        public Task SetStatusAsync(long id, int status, string operation, CancellationToken cancellationToken) =>
            SendAsync(
                HttpMethod.Put,
                "/api/token/?status_only=true",
                new Dictionary<string, object?> { ["id"] = id, ["status"] = status },
                operation,
                cancellationToken);

        /// <summary>DELETE /api/token/{id}.</summary>
        public Task DeleteAsync(long id, string operation, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Delete, $"/api/token/{Number(id)}", null, operation, cancellationToken);

        private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

        private static RelayManagementException Unexpected(string operation, string what, int? status = null) =>
            new RelayManagementException(
                operation,
                ManagementFailure.UnexpectedAnswer,
                status,
                what,
                "Check -BaseUri: it must be the relay's own address (the one its dashboard is served from), and -Backend must match the relay's software.");

        private static IReadOnlyList<RelayToken> ReadTokens(object? data, out int? total)
        {
            total = null;
            var items = data;
            if (data is Dictionary<string, object?> paged)
            {
                // new-api/current: {"page","page_size","total","items":[...]}.
                items = JsonLite.Member(paged, "items");
                total = JsonLite.Member(paged, "total") is double count ? (int)count : (int?)null;
            }

            var tokens = new List<RelayToken>();
            if (items is List<object?> list)
            {
                foreach (var item in list)
                {
                    if (RelayToken.FromJson(item) is RelayToken token)
                    {
                        tokens.Add(token);
                    }
                }
            }

            return tokens;
        }

        private async Task<object?> SendAsync(HttpMethod method, string pathAndQuery, IDictionary<string, object?>? body, string operation, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(method, new Uri(_root + pathAndQuery));
            // Bearer is accepted by both relays (one-api strips one "Bearer "); New-Api-User is
            // required by new-api and ignored by one-api (relay-admin-api.md §1, client rule).
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken);
            if (_userId is int userId)
            {
                request.Headers.Add("New-Api-User", userId.ToString(CultureInfo.InvariantCulture));
            }

            if (body is not null)
            {
                request.Content = new StringContent(JsonWriter.Write(body), Encoding.UTF8, "application/json");
            }

            _log.Verbose($"{method} {_redactor.Redact(pathAndQuery)} ({operation})");
            var outcome = await HttpExchange.SendAsync(_client, request, BodyLimit, _timeout, cancellationToken).ConfigureAwait(false);
            if (outcome.TimedOut)
            {
                throw new RelayManagementException(
                    operation, ManagementFailure.NoAnswer, null, $"no answer within {_timeout.TotalSeconds:0} s",
                    "Check that the relay is up (Get-ServiceStatus -BaseUri <relay>) and try again.");
            }

            if (outcome.Failure is { } exception)
            {
                var failure = NetworkFailureClassifier.Classify(exception, _root);
                throw new RelayManagementException(
                    operation, ManagementFailure.NoAnswer, null, _redactor.Redact(failure.Message),
                    "Check that the relay is up (Get-ServiceStatus -BaseUri <relay>) and try again.", exception);
            }

            var answer = outcome.Response!;
            if (_log.IsDebugEnabled)
            {
                // Masked before it is cut short, so a key at the cut cannot slip through half-quoted.
                var masked = _redactor.Redact(KeyMember.Replace(answer.Body, member => "\"key\":\"" + KeyMask.Mask(member.Groups[1].Value) + "\""));
                var preview = masked.Length <= 300 ? masked : masked.Substring(0, 300) + "…";
                _log.Debug($"{method} {_redactor.Redact(pathAndQuery)} -> {answer.StatusCode}: {preview.Replace("\r", " ").Replace("\n", " ")}");
            }

            return ReadEnvelope(answer, operation);
        }

        private object? ReadEnvelope(ProbeResponse answer, string operation)
        {
            if (!JsonLite.TryParse(answer.Body, out var root) || JsonLite.Member(root, "success") is not bool success)
            {
                var what = answer.BodyTruncated
                    ? "an answer larger than the module reads"
                    : answer.Body.TrimStart().StartsWith("<", StringComparison.Ordinal)
                        ? "an HTML page, not the relay's JSON"
                        : answer.Body.Length == 0 ? "an empty answer" : "an answer that is not the relay's JSON";
                throw Unexpected(operation, what, answer.StatusCode);
            }

            if (success)
            {
                return JsonLite.Member(root, "data");
            }

            var message = _redactor.Redact(JsonLite.Text(root, "message"));
            var code = JsonLite.Text(root, "code");
            var failure = ManagementFailureRules.Classify(message, code, out var advice);
            throw new RelayManagementException(operation, failure, answer.StatusCode, string.IsNullOrEmpty(message) ? code : message, advice);
        }
    }
}
