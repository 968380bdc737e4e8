using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace ChatAnywhere.Engine.Tests.Support
{
    /// <summary>Which relay software <see cref="FakeRelay"/> plays (relay-admin-api.md §2, token endpoints table).</summary>
    public enum RelayFlavour
    {
        /// <summary>one-api: lists whole keys, ten per page from 0; create answers with the token; no key-reveal route.</summary>
        OneApi,

        /// <summary>new-api/2025-04: lists whole keys from page 0; create answers with nothing; no key-reveal route.</summary>
        NewApi2025,

        /// <summary>new-api/current: paged answers from page 1, masked keys, POST /api/token/{id}/key.</summary>
        NewApiCurrent,
    }

    /// <summary>One request as the fake relay saw it.</summary>
    public sealed record RelayRequest(string Method, string PathAndQuery, string? Authorization, string? NewApiUser, string? Body)
    {
        public string Path => PathAndQuery.Split('?')[0];

        public string Query => PathAndQuery.Contains('?', StringComparison.Ordinal) ? PathAndQuery.Split('?', 2)[1] : string.Empty;

        public string? Parameter(string name) =>
            Query.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .Where(pair => pair[0] == name)
                .Select(pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : string.Empty)
                .FirstOrDefault();
    }

    /// <summary>
    /// A small in-memory one-api / new-api relay: its token API (/api/token, relay-admin-api.md §1-2),
    /// its public /api/status, and its data plane (GET /v1/models), which accepts the keys of enabled
    /// tokens and answers 401 无效的令牌 to any other key, as one-api's TokenAuth does (§3).
    /// </summary>
    public sealed class FakeRelay : HttpMessageHandler
    {
        public const string BaseUri = "https://relay.example.test";
        public const string AccessToken = "0123456789abcdef0123456789abcdef";
        public const int UserId = 7;

        private const string InvalidToken = "{\"error\":{\"message\":\"无效的令牌\",\"type\":\"one_api_error\"}}";
        private const string Models = "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\"}]}";

        private readonly object _gate = new();
        private readonly List<JsonObject> _tokens = new();
        private long _nextId = 1;

        public FakeRelay(RelayFlavour flavour) => Flavour = flavour;

        public RelayFlavour Flavour { get; }

        public List<RelayRequest> Requests { get; } = new();

        /// <summary>one-api's list ignores p and answers page 0 whatever is asked.</summary>
        public bool IgnoresPage { get; set; }

        /// <summary>Keys (with sk-) the data plane keeps accepting whatever becomes of their token: a token cache (§5).</summary>
        public HashSet<string> CachedKeys { get; } = new(StringComparer.Ordinal);

        /// <summary>Answers a request before the relay does, when it returns an answer: injected failures.</summary>
        public Func<RelayRequest, HttpResponseMessage?>? Intercept { get; set; }

        private long FirstRefusedId { get; set; } = long.MaxValue;

        public IEnumerable<RelayRequest> Changes => Requests.Where(r => r.Method != "GET");

        /// <summary>Adds a token with a stored key (without sk-) and settings; returns its id.</summary>
        public long Add(string name, string storedKey, int status = 1, JsonObject? settings = null)
        {
            lock (_gate)
            {
                var token = settings?.DeepClone().AsObject() ?? new JsonObject();
                token["id"] = _nextId++;
                token["user_id"] = UserId;
                token["name"] = name;
                token["key"] = storedKey;
                token["status"] = status;
                _tokens.Add(token);
                return (long)token["id"]!;
            }
        }

        /// <summary>Keys of tokens created from now on are refused by the data plane (replicas that never catch up).</summary>
        public void RefuseNewKeys()
        {
            lock (_gate)
            {
                FirstRefusedId = _nextId;
            }
        }

        /// <summary>Moves a token to the end of the list, as if created last.</summary>
        public void MoveToEnd(long id)
        {
            lock (_gate)
            {
                var token = _tokens.Single(t => (long)t["id"]! == id);
                _tokens.Remove(token);
                _tokens.Add(token);
            }
        }

        public JsonObject? Token(long id)
        {
            lock (_gate)
            {
                return _tokens.FirstOrDefault(t => (long)t["id"]! == id)?.DeepClone().AsObject();
            }
        }

        public IReadOnlyList<JsonObject> Tokens
        {
            get
            {
                lock (_gate)
                {
                    return _tokens.Select(t => t.DeepClone().AsObject()).ToList();
                }
            }
        }

        /// <summary>From now on the relay refuses one route with HTTP 200 and success:false, as both relays refuse.</summary>
        public void Refuse(string method, string pathAndQuery, string message) =>
            Intercept = r => r.Method == method && r.PathAndQuery == pathAndQuery ? Refusal(HttpStatusCode.OK, message) : null;

        /// <summary>Requests the relay carries out, then answers with a proxy's 502 page: the change is made, its answer lost.</summary>
        public Func<RelayRequest, bool>? LoseAnswer { get; set; }

        public static HttpResponseMessage Answer(HttpStatusCode status, string body, string contentType = "application/json") =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var seen = new RelayRequest(
                request.Method.Method,
                request.RequestUri!.PathAndQuery,
                request.Headers.Authorization?.ToString(),
                request.Headers.TryGetValues("New-Api-User", out var user) ? user.Single() : null,
                body);
            lock (_gate)
            {
                Requests.Add(seen);
                if (Intercept?.Invoke(seen) is HttpResponseMessage intercepted)
                {
                    return intercepted;
                }

                var answer = Route(seen);
                if (LoseAnswer?.Invoke(seen) == true)
                {
                    // The relay has acted; the client gets a proxy's error page instead of its answer.
                    answer.Dispose();
                    return Answer(HttpStatusCode.BadGateway, "<html><body>502 Bad Gateway</body></html>", "text/html");
                }

                return answer;
            }
        }

        private static HttpResponseMessage Success(JsonNode? data = null)
        {
            var envelope = new JsonObject { ["success"] = true, ["message"] = string.Empty };
            if (data is not null)
            {
                envelope["data"] = data;
            }

            return Answer(HttpStatusCode.OK, envelope.ToJsonString());
        }

        private static HttpResponseMessage Refusal(HttpStatusCode status, string message) =>
            Answer(status, new JsonObject { ["success"] = false, ["message"] = message }.ToJsonString());

        private static string Mask(string stored) => stored.Substring(0, 4) + "**********" + stored.Substring(stored.Length - 4);

        private HttpResponseMessage Route(RelayRequest request)
        {
            if (request.Path == "/api/status")
            {
                return Success(Flavour == RelayFlavour.OneApi
                    ? new JsonObject { ["version"] = "v0.6.10", ["system_name"] = "One API", ["quota_per_unit"] = 500000 }
                    : new JsonObject { ["version"] = "v0.9.0", ["system_name"] = "New API", ["setup"] = true, ["quota_per_unit"] = 500000 });
            }

            if (request.Path == "/v1/models")
            {
                return DataPlane(request.Authorization);
            }

            if (request.Authorization != "Bearer " + AccessToken)
            {
                // ONE-mgmt-200-access-token-invalid: refused with HTTP 200.
                return Refusal(HttpStatusCode.OK, "无权进行此操作，access token 无效");
            }

            if (Flavour == RelayFlavour.NewApi2025 && request.NewApiUser is null)
            {
                // NEW-mgmt-401-missing-new-api-user.
                return Refusal(HttpStatusCode.Unauthorized, "无权进行此操作，未提供 New-Api-User");
            }

            var segments = request.Path.Trim('/').Split('/');
            return (request.Method, segments.Length) switch
            {
                ("GET", 2) => List(request),
                ("GET", 3) when segments[2] == "search" => Search(request),
                ("GET", 3) => Get(segments[2]),
                ("POST", 2) => Create(request.Body!),
                ("POST", 4) when segments[3] == "key" && Flavour == RelayFlavour.NewApiCurrent => Reveal(segments[2]),
                ("PUT", 2) => Update(request),
                ("DELETE", 3) => Delete(segments[2]),
                _ => Answer(HttpStatusCode.NotFound, "404 page not found", "text/plain"),
            };
        }

        private HttpResponseMessage DataPlane(string? authorization)
        {
            var key = authorization is string value && value.StartsWith("Bearer ", StringComparison.Ordinal) ? value.Substring(7) : string.Empty;
            var stored = key.StartsWith("sk-", StringComparison.Ordinal) ? key.Substring(3) : key;
            var token = _tokens.FirstOrDefault(t => (string?)t["key"] == stored);
            var accepted = CachedKeys.Contains(key) ||
                (token is not null && (int)token["status"]! == 1 && (long)token["id"]! < FirstRefusedId);
            return accepted ? Answer(HttpStatusCode.OK, Models) : Answer(HttpStatusCode.Unauthorized, InvalidToken);
        }

        private JsonObject Shown(JsonObject token)
        {
            var copy = token.DeepClone().AsObject();
            if (Flavour == RelayFlavour.NewApiCurrent)
            {
                copy["key"] = Mask((string)token["key"]!);
            }

            return copy;
        }

        private HttpResponseMessage Page(IEnumerable<JsonObject> matching, int page, int size)
        {
            var all = matching.ToList();
            var first = Flavour == RelayFlavour.NewApiCurrent ? (page - 1) * size : page * size;
            var items = new JsonArray(all.Skip(Math.Max(first, 0)).Take(size).Select(t => (JsonNode)Shown(t)).ToArray());
            return Success(Flavour == RelayFlavour.NewApiCurrent
                ? new JsonObject { ["page"] = page, ["page_size"] = size, ["total"] = all.Count, ["items"] = items }
                : items);
        }

        private HttpResponseMessage List(RelayRequest request)
        {
            var page = IgnoresPage ? 0 : int.Parse(request.Parameter("p") ?? "0", CultureInfo.InvariantCulture);
            var size = Flavour == RelayFlavour.OneApi ? 10 : int.Parse(request.Parameter("page_size") ?? "10", CultureInfo.InvariantCulture);
            return Page(_tokens, page, size);
        }

        private HttpResponseMessage Search(RelayRequest request)
        {
            var keyword = request.Parameter("keyword") ?? string.Empty;
            var fragment = request.Parameter("token") ?? string.Empty;
            var matching = Flavour == RelayFlavour.OneApi
                ? _tokens.Where(t => ((string)t["name"]!).StartsWith(keyword, StringComparison.Ordinal))
                : _tokens.Where(t => ((string)t["name"]!).Contains(keyword, StringComparison.Ordinal) && ((string)t["key"]!).Contains(fragment, StringComparison.Ordinal));
            return Page(matching, Flavour == RelayFlavour.NewApiCurrent ? 1 : 0, 100);
        }

        private JsonObject? Find(string id) => _tokens.FirstOrDefault(t => ((long)t["id"]!).ToString(CultureInfo.InvariantCulture) == id);

        private HttpResponseMessage Get(string id) =>
            Find(id) is JsonObject token ? Success(Shown(token)) : Refusal(HttpStatusCode.OK, "record not found");

        private HttpResponseMessage Create(string body)
        {
            var settings = JsonNode.Parse(body)!.AsObject();
            var id = _nextId;
            var stored = "New" + id.ToString("D4", CultureInfo.InvariantCulture) + new string('k', 41);
            settings.Remove("id");
            Add((string)settings["name"]!, stored, settings: settings);
            return Flavour == RelayFlavour.OneApi ? Success(Find(id.ToString(CultureInfo.InvariantCulture))!.DeepClone()) : Success();
        }

        private HttpResponseMessage Reveal(string id) =>
            Find(id) is JsonObject token ? Success(new JsonObject { ["key"] = (string)token["key"]! }) : Refusal(HttpStatusCode.OK, "record not found");

        private HttpResponseMessage Update(RelayRequest request)
        {
            var body = JsonNode.Parse(request.Body!)!.AsObject();
            if (Find(((long)body["id"]!).ToString(CultureInfo.InvariantCulture)) is not JsonObject token)
            {
                return Refusal(HttpStatusCode.OK, "record not found");
            }

            if (request.Parameter("status_only") == "true")
            {
                token["status"] = (int)body["status"]!;
                return Success(Shown(token));
            }

            foreach (var field in body.Where(f => f.Key is not ("id" or "key" or "status" or "user_id")).ToList())
            {
                token[field.Key] = field.Value?.DeepClone();
            }

            return Success(Shown(token));
        }

        private HttpResponseMessage Delete(string id)
        {
            if (Find(id) is not JsonObject token)
            {
                return Refusal(HttpStatusCode.OK, "record not found");
            }

            _tokens.Remove(token);
            return Success();
        }
    }
}
