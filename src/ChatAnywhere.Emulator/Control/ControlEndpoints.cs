using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using ChatAnywhere.Emulator.Http;
using ChatAnywhere.Emulator.Personalities.Relay;
using ChatAnywhere.Emulator.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatAnywhere.Emulator.Control
{
    /// <summary>
    /// The test-facing API under /_emulator (no auth, loopback only): health, the request log,
    /// reading or changing the scenario, and the relays' tokens. These calls are not logged as data-plane requests.
    /// </summary>
    public sealed class ControlEndpoints
    {
        public const string Prefix = "/_emulator";

        private const int MaxScenarioBytes = 16 * 1024 * 1024;
        private const string Ok = """{"ok":true}""";

        // Shows a scenario as it was written: notes and Chinese text unescaped.
        private static readonly JsonTypeInfo<Scenario> ReadableScenario = Readable<Scenario>(ScenarioJsonContext.Default.Options);

        // Token names as written, nulls shown.
        private static readonly JsonTypeInfo<RelayTokenView[]> ReadableRelayTokens = Readable<RelayTokenView[]>(ControlJsonContext.Default.Options);

        private readonly ScenarioStore _store;
        private readonly ScenarioLoader _loader;
        private readonly RequestLog _log;
        private readonly IReadOnlyList<RelayPersonality> _relays;

        public ControlEndpoints(ScenarioStore store, ScenarioLoader loader, RequestLog log, IReadOnlyList<RelayPersonality> relays)
        {
            _store = store;
            _loader = loader;
            _log = log;
            _relays = relays;
        }

        public void Map(IEndpointRouteBuilder endpoints)
        {
            RouteGroupBuilder group = endpoints.MapGroup(Prefix);
            group.MapGet("/health", context => WriteJsonAsync(context, StatusCodes.Status200OK, Ok));
            group.MapGet("/requests", ListRequestsAsync);
            group.MapGet("/requests/count", context => WriteJsonAsync(
                context, StatusCodes.Status200OK, string.Create(CultureInfo.InvariantCulture, $$"""{"total":{{_log.Total}}}""")));
            group.MapDelete("/requests", context =>
            {
                _log.Clear();
                return WriteJsonAsync(context, StatusCodes.Status200OK, Ok);
            });
            group.MapGet("/scenario", ShowScenarioAsync);
            group.MapPut("/scenario", ReplaceScenarioAsync);
            group.MapPost("/keys", AddKeyAsync);
            group.MapGet("/relay/{flavour}/tokens", ListRelayTokensAsync);
            // Where the redirect fault sends a client that follows it: still this emulator.
            group.Map("/redirected", context => WriteErrorAsync(context, StatusCodes.Status404NotFound, "Redirected here by the emulator's redirect fault: the base URL points at a page that moved, not at the API."));
            group.MapPost("/reset", context =>
            {
                _store.Reset();
                _log.Clear();
                return WriteJsonAsync(context, StatusCodes.Status200OK, Ok);
            });
            group.Map("/{**rest}", context => WriteErrorAsync(context, StatusCodes.Status404NotFound, "No such control endpoint."));
        }

        private async Task ListRequestsAsync(HttpContext context)
        {
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, _log.Snapshot(), ControlJsonContext.Default.RequestLogEntryArray, context.RequestAborted)
                .ConfigureAwait(false);
        }

        private async Task ShowScenarioAsync(HttpContext context)
        {
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, _store.Current.Definition, ReadableScenario, context.RequestAborted)
                .ConfigureAwait(false);
        }

        // Every token of one relay mount, deleted ones included: tests check what a rotation changed (or did not).
        private async Task ListRelayTokensAsync(HttpContext context)
        {
            string? flavour = context.GetRouteValue("flavour") as string;
            RelayPersonality? relay = _relays.FirstOrDefault(candidate => string.Equals(candidate.Name, flavour, StringComparison.OrdinalIgnoreCase));
            if (relay is null)
            {
                string names = string.Join(", ", _relays.Select(candidate => candidate.Name));
                await WriteErrorAsync(context, StatusCodes.Status404NotFound, $"No relay '{flavour}'; there are {names}.").ConfigureAwait(false);
                return;
            }

            RelayTokenView[] tokens = [.. relay.Tokens.All(_store.Current).Select(token => RelayTokenView.Of(token, relay.Flavour.Dialect))];
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, tokens, ReadableRelayTokens, context.RequestAborted).ConfigureAwait(false);
        }

        private Task ReplaceScenarioAsync(HttpContext context) =>
            ApplyEditAsync(context, "scenario", json => _store.Replace(_loader.Parse(json, "scenario")));

        private Task AddKeyAsync(HttpContext context) =>
            ApplyEditAsync(context, "key entry", json => _store.AddKey(_loader.ParseKey(json, "key entry")));

        // Both edits read a bounded JSON body, validate it and answer 413, 400 or {"ok":true} alike.
        private static async Task ApplyEditAsync(HttpContext context, string what, Action<string> apply)
        {
            string? json = await ReadBodyAsync(context).ConfigureAwait(false);
            if (json is null)
            {
                await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, $"The {what} body is too large.").ConfigureAwait(false);
                return;
            }

            try
            {
                apply(json);
            }
            catch (ScenarioValidationException ex)
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, ex.Message).ConfigureAwait(false);
                return;
            }

            await WriteJsonAsync(context, StatusCodes.Status200OK, Ok).ConfigureAwait(false);
        }

        private static async Task<string?> ReadBodyAsync(HttpContext context)
        {
            using BoundedBody body = await BoundedBodyReader.ReadAsync(context.Request, MaxScenarioBytes, context.RequestAborted).ConfigureAwait(false);
            return body.TooLarge ? null : Encoding.UTF8.GetString(body.Content.Span);
        }

        private static JsonTypeInfo<T> Readable<T>(JsonSerializerOptions options) =>
            (JsonTypeInfo<T>)new JsonSerializerOptions(options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }.GetTypeInfo(typeof(T));

        private static Task WriteErrorAsync(HttpContext context, int status, string message) =>
            WriteJsonAsync(context, status, $$"""{"ok":false,"error":"{{JsonEncodedText.Encode(message, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value}}"}""");

        private static Task WriteJsonAsync(HttpContext context, int status, string json)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(json, context.RequestAborted);
        }
    }
}
