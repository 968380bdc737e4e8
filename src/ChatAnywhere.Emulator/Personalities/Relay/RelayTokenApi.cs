using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ChatAnywhere.Emulator.DataPlane;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Http;
using ChatAnywhere.Emulator.Keys;
using ChatAnywhere.Emulator.Scenarios;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.Relay
{
    /// <summary>
    /// The management routes under /api/token of one relay mount: list, search, get, create, update,
    /// delete and (new-api now) reveal, behind UserAuth (relay-admin-api.md §1, §2). As in gin, the
    /// route is matched before authentication, so an unknown route is a 404 whoever asks.
    /// </summary>
    public sealed class RelayTokenApi
    {
        private const string TokenRoot = "/api/token";
        private const string BearerPrefix = "Bearer ";
        private const int MaxBodyBytes = 64 * 1024;
        private const int DefaultPageSize = 10;
        private const int MaxPageSize = 100;

        private readonly RelayFlavour _flavour;
        private readonly RelayTokenStore _tokens;
        private readonly RelayManagementAnswers _answers;

        public RelayTokenApi(RelayFlavour flavour, RelayTokenStore tokens, RelayManagementAnswers answers)
        {
            _flavour = flavour;
            _tokens = tokens;
            _answers = answers;
        }

        private enum Route
        {
            None,
            List,
            Search,
            Get,
            Create,
            Update,
            Delete,
            RevealKey,
        }

        /// <summary>True for paths this class answers (everything under /api/token).</summary>
        public static bool Serves(PathString pathWithin) =>
            pathWithin.StartsWithSegments(TokenRoot, StringComparison.OrdinalIgnoreCase);

        public async Task<CannedAnswer> AnswerAsync(DataPlaneRequest request)
        {
            ArgumentNullException.ThrowIfNull(request);
            (Route route, string? idText) = Match(request.Method, request.PathWithin.Value ?? "/");
            if (route == Route.None)
            {
                return _answers.PageNotFound;
            }

            if (Authenticate(request) is CannedAnswer refusal)
            {
                return refusal;
            }

            ActiveScenario scenario = request.Scenario;
            RelayDefinition relay = scenario.Definition.Relay!;
            int? id = null;
            if (idText is not null)
            {
                if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
                {
                    return _answers.BadRequest;
                }

                id = parsed;
            }

            return route switch
            {
                Route.List => List(request, relay),
                Route.Search => Search(request, relay),
                Route.Get => Shown(_tokens.Find(scenario, relay.UserId, id!.Value)),
                Route.Delete => _tokens.Delete(scenario, relay.UserId, id!.Value, request.ReceivedAt) is null ? _answers.RecordNotFound : RelayTokenJson.Done,
                Route.RevealKey => _tokens.Find(scenario, relay.UserId, id!.Value) is { } token ? RelayTokenJson.Key(token) : _answers.RecordNotFound,
                Route.Create => await CreateAsync(request, relay).ConfigureAwait(false),
                Route.Update => await UpdateAsync(request, relay).ConfigureAwait(false),
                _ => throw new InvalidOperationException($"Route {route} has no handler."),
            };
        }

        private (Route Route, string? IdText) Match(string method, string path)
        {
            string rest = path.Length > TokenRoot.Length ? path[(TokenRoot.Length + 1)..] : string.Empty;
            string[] segments = rest.Length == 0 ? [] : rest.Split('/');
            return segments switch
            {
                [] => method switch
                {
                    _ when HttpMethods.IsGet(method) => (Route.List, null),
                    _ when HttpMethods.IsPost(method) => (Route.Create, null),
                    _ when HttpMethods.IsPut(method) => (Route.Update, null),
                    _ => (Route.None, null),
                },
                ["search"] when HttpMethods.IsGet(method) => (Route.Search, null),
                [string id] when HttpMethods.IsGet(method) => (Route.Get, id),
                [string id] when HttpMethods.IsDelete(method) => (Route.Delete, id),
                [string id, "key"] when HttpMethods.IsPost(method) && _flavour.HidesKeys => (Route.RevealKey, id),
                _ => (Route.None, null),
            };
        }

        /// <summary>UserAuth in the order of relay-admin-api.md §1; null when the caller may proceed.</summary>
        private CannedAnswer? Authenticate(DataPlaneRequest request)
        {
            string accessToken = request.Authorization ?? string.Empty;
            if (accessToken.StartsWith(BearerPrefix, StringComparison.Ordinal))
            {
                accessToken = accessToken[BearerPrefix.Length..];
            }

            RelayDefinition? relay = request.Scenario.Definition.Relay;
            bool known = relay is not null && accessToken.Length > 0 && string.Equals(accessToken, relay.AccessToken, StringComparison.Ordinal);
            if (_flavour.Era == RelayEra.NewApiNow)
            {
                // new-api now: a missing or unknown token is one 401 AUTH_UNAUTHORIZED; New-Api-User is not read (§1).
                return !known ? _answers.AuthUnauthorized : relay!.UserBanned ? _answers.AuthUserDisabled : null;
            }

            if (accessToken.Length == 0)
            {
                return _answers.NotLoggedIn;
            }

            if (!known)
            {
                return _answers.AccessTokenInvalid;
            }

            if (relay!.UserBanned)
            {
                return _answers.UserBanned;
            }

            if (_flavour.Era != RelayEra.NewApi2025)
            {
                return null;
            }

            string? user = request.Context.Request.Headers["New-Api-User"].FirstOrDefault();
            if (string.IsNullOrEmpty(user))
            {
                return _answers.NewApiUserMissing;
            }

            if (!int.TryParse(user, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int userId))
            {
                return _answers.NewApiUserMalformed;
            }

            return userId == relay.UserId ? null : _answers.NewApiUserMismatch;
        }

        private CannedAnswer List(DataPlaneRequest request, RelayDefinition relay) =>
            Page(request, _tokens.Visible(request.Scenario, relay.UserId));

        private CannedAnswer Search(DataPlaneRequest request, RelayDefinition relay)
        {
            IQueryCollection query = request.Context.Request.Query;
            string keyword = query["keyword"].FirstOrDefault() ?? string.Empty;
            IEnumerable<RelayToken> found = _tokens.Visible(request.Scenario, relay.UserId);
            // SQL LIKE on the relays' usual databases (SQLite, MySQL) ignores ASCII case.
            if (_flavour.Dialect == RelayDialect.OneApi)
            {
                // one-api: name LIKE 'K%'; the token parameter is not read.
                found = found.Where(token => token.Settings.Name.StartsWith(keyword, StringComparison.OrdinalIgnoreCase));
            }
            else
            {
                // new-api: name LIKE '%K%' AND key LIKE '%T%', a leading sk- of T trimmed.
                string key = RelayKeys.ToStoredForm(query["token"].FirstOrDefault()) ?? string.Empty;
                found = found.Where(token =>
                    token.Settings.Name.Contains(keyword, StringComparison.OrdinalIgnoreCase)
                    && token.Key.Contains(key, StringComparison.OrdinalIgnoreCase));
            }

            List<RelayToken> matches = [.. found];
            return _flavour.Paging == RelayPaging.OneBasedEnvelope
                ? Page(request, matches)
                : RelayTokenJson.Tokens(_flavour, matches, page: null);
        }

        private CannedAnswer Page(DataPlaneRequest request, IReadOnlyList<RelayToken> tokens)
        {
            IQueryCollection query = request.Context.Request.Query;
            int p = ReadInt(query, "p") ?? 0;
            switch (_flavour.Paging)
            {
                case RelayPaging.ZeroBasedTen:
                    return RelayTokenJson.Tokens(_flavour, Slice(tokens, Math.Max(p, 0), DefaultPageSize), page: null);
                case RelayPaging.ZeroBasedSized:
                    return RelayTokenJson.Tokens(_flavour, Slice(tokens, Math.Max(p, 0), PageSize(ReadInt(query, "size"))), page: null);
                default:
                    int size = PageSize(ReadInt(query, "page_size") ?? ReadInt(query, "ps") ?? ReadInt(query, "size"));
                    int page = Math.Max(p, 1);
                    return RelayTokenJson.Tokens(_flavour, Slice(tokens, page - 1, size), (page, size, tokens.Count));
            }
        }

        private async Task<CannedAnswer> CreateAsync(DataPlaneRequest request, RelayDefinition relay)
        {
            RelayTokenSettings? settings = (await ReadBodyAsync(request).ConfigureAwait(false))?.Settings(_flavour.Dialect);
            if (settings is null)
            {
                return _answers.BadRequest;
            }

            int cap = _flavour.Dialect == RelayDialect.NewApi ? relay.MaxTokens : 0;
            RelayToken? created = _tokens.TryCreate(request.Scenario, relay.UserId, settings, cap, request.ReceivedAt);
            if (created is null)
            {
                return _answers.MaxTokens.Fill(cap.ToString(CultureInfo.InvariantCulture));
            }

            // one-api hands back the new token with its key; new-api neither its id nor its key (relay-admin-api.md §2).
            return _flavour.Dialect == RelayDialect.OneApi ? RelayTokenJson.Token(_flavour, created, fullKey: true) : RelayTokenJson.Done;
        }

        private async Task<CannedAnswer> UpdateAsync(DataPlaneRequest request, RelayDefinition relay)
        {
            RelayTokenRequest? body = await ReadBodyAsync(request).ConfigureAwait(false);
            if (body is null || !body.TryInteger("id", out int id))
            {
                return _answers.BadRequest;
            }

            bool statusOnly = !string.IsNullOrEmpty(request.Context.Request.Query["status_only"].FirstOrDefault());
            // The relays store any number; the emulator keeps to the four statuses they define.
            if (!body.TryInteger("status", out int status) || (statusOnly && status is < 1 or > 4))
            {
                return _answers.BadRequest;
            }

            RelayToken? current = _tokens.Find(request.Scenario, relay.UserId, id);
            if (current is null)
            {
                return _answers.RecordNotFound;
            }

            if (status == 1 && EnableRefusal(current, request.ReceivedAt) is { } refusal)
            {
                return refusal;
            }

            RelayToken? updated;
            if (statusOnly)
            {
                updated = _tokens.SetStatus(request.Scenario, relay.UserId, id, status, request.ReceivedAt);
            }
            else
            {
                if (body.Settings(_flavour.Dialect) is not { } settings)
                {
                    return _answers.BadRequest;
                }

                updated = _tokens.Update(request.Scenario, relay.UserId, id, settings);
            }

            return Shown(updated);
        }

        /// <summary>
        /// UpdateToken's refusal to set status 1 (either update) on a token the relay marked expired or exhausted
        /// while it still is (relay-admin-api.md §7, "Refused re-enables"); null when enabling is allowed.
        /// </summary>
        private CannedAnswer? EnableRefusal(RelayToken token, DateTimeOffset now)
        {
            RelayTokenSettings settings = token.Settings;
            if (token.Status == 3 && settings.ExpiredTime != -1 && settings.ExpiredTime <= now.ToUnixTimeSeconds())
            {
                return _answers.ExpiredCannotEnable;
            }

            return token.Status == 4 && settings.RemainQuota <= 0 && !settings.UnlimitedQuota ? _answers.ExhaustedCannotEnable : null;
        }

        private CannedAnswer Shown(RelayToken? token) =>
            token is null ? _answers.RecordNotFound : RelayTokenJson.Token(_flavour, token, fullKey: !_flavour.HidesKeys);

        private static async Task<RelayTokenRequest?> ReadBodyAsync(DataPlaneRequest request)
        {
            HttpContext context = request.Context;
            using BoundedBody body = await BoundedBodyReader.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
            return body.TooLarge ? null : RelayTokenRequest.Parse(body.Content);
        }

        private static int? ReadInt(IQueryCollection query, string name) =>
            int.TryParse(query[name].FirstOrDefault(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) ? value : null;

        private static int PageSize(int? asked) => asked is > 0 ? Math.Min(asked.Value, MaxPageSize) : DefaultPageSize;

        private static List<RelayToken> Slice(IReadOnlyList<RelayToken> tokens, int pageIndex, int size) =>
            [.. tokens.Skip((int)Math.Min((long)pageIndex * size, int.MaxValue)).Take(size)];
    }
}
