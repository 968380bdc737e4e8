using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Keys;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>Reads scenario JSON (file, embedded default, control endpoint) and rejects what cannot work.</summary>
    public sealed class ScenarioLoader
    {
        private const string DefaultResourceName = "ChatAnywhere.Emulator.Resources.scenario.default.json";
        private const long MaxFaultBytes = 1L << 30;
        private const int MaxChunkDelayMs = 60_000;

        private readonly FixtureCatalog _fixtures;

        public ScenarioLoader(FixtureCatalog fixtures)
        {
            _fixtures = fixtures;
        }

        public Scenario LoadEmbeddedDefault()
        {
            using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DefaultResourceName)
                ?? throw new InvalidOperationException($"Embedded resource {DefaultResourceName} is missing.");
            using var reader = new StreamReader(stream);
            return Parse(reader.ReadToEnd(), "embedded scenario.default.json");
        }

        public Scenario LoadFile(string path)
        {
            string json;
            try
            {
                json = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ScenarioValidationException($"Cannot read scenario file '{path}': {ex.Message}", ex);
            }

            return Parse(json, path);
        }

        public Scenario Parse(string json, string source)
        {
            Scenario scenario = Deserialize(json, source, ScenarioJsonContext.Default.Scenario);
            // JSON null for a list arrives as null despite the non-nullable type.
            scenario = scenario with { Keys = scenario.Keys ?? [], Faults = scenario.Faults ?? [] };
            if (scenario.Relay is { Tokens: null })
            {
                scenario = scenario with { Relay = scenario.Relay with { Tokens = [] } };
            }

            Validate(scenario, source);
            return scenario;
        }

        public ScenarioKey ParseKey(string json, string source)
        {
            ScenarioKey key = Deserialize(json, source, ScenarioJsonContext.Default.ScenarioKey);
            ValidateKey(key, source);
            return key;
        }

        private static T Deserialize<T>(string json, string source, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        {
            try
            {
                return JsonSerializer.Deserialize(json, typeInfo)
                    ?? throw new ScenarioValidationException($"{source}: the JSON is null.");
            }
            catch (JsonException ex)
            {
                // The message names the unknown property or the bad value; add the JSON path where it lacks one.
                string where = ex.Path is not null && !ex.Message.Contains("Path:", StringComparison.Ordinal) ? $" Path: {ex.Path}." : string.Empty;
                throw new ScenarioValidationException($"{source}: {ex.Message}{where}{AllowedValuesHint(ex.Message)}", ex);
            }
        }

        /// <summary>For a bad enum value, the words the scenario may use instead.</summary>
        private static string AllowedValuesHint(string message)
        {
            foreach (Type type in (Type[])[typeof(FaultKind), typeof(KeyState), typeof(KeyPlan), typeof(KeyPersonality), typeof(DailyLimitScope), typeof(ChatAnywhereEra), typeof(CloudflarePage), typeof(MonitorState)])
            {
                if (message.Contains(type.FullName!, StringComparison.Ordinal))
                {
                    IEnumerable<string> names = type.GetFields(BindingFlags.Public | BindingFlags.Static)
                        .Select(field => field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name);
                    return $" Allowed values: {string.Join(", ", names)}.";
                }
            }

            return string.Empty;
        }

        private void Validate(Scenario scenario, string source)
        {
            Require(scenario.LatencyMs >= 0 && scenario.LatencyJitterMs >= 0, source, "latencyMs and latencyJitterMs must be >= 0.");
            Require(scenario.DailyLimit >= 0, source, "dailyLimit must be >= 0.");
            Require(Enum.IsDefined(scenario.ChatAnywhereEra), source,
                $"chatAnywhereEra must be one of {string.Join(", ", Enum.GetValues<ChatAnywhereEra>().Select(era => (int)era))}.");
            foreach ((string model, int limit) in scenario.FreeModelDailyLimits ?? new Dictionary<string, int>())
            {
                Require(!string.IsNullOrWhiteSpace(model) && limit >= 0, source, "freeModelDailyLimits maps model names to limits >= 0.");
            }

            var exactKeys = new HashSet<string>(StringComparer.Ordinal);
            var prefixes = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < scenario.Keys.Count; i++)
            {
                ScenarioKey key = scenario.Keys[i] ?? throw new ScenarioValidationException($"{source}: keys[{i}] is null.");
                string where = $"{source}: keys[{i}]";
                ValidateKey(key, where);
                bool unique = key.Key is not null ? exactKeys.Add(key.Key) : prefixes.Add(key.Prefix!);
                Require(unique, where, "the same key or prefix appears twice.");
            }

            for (int i = 0; i < scenario.Faults.Count; i++)
            {
                FaultDefinition fault = scenario.Faults[i] ?? throw new ScenarioValidationException($"{source}: faults[{i}] is null.");
                ValidateFault(fault, $"{source}: faults[{i}]");
            }

            if (scenario.StatusPage is not null)
            {
                ValidateStatusPage(scenario.StatusPage, $"{source}: statusPage");
            }

            if (scenario.Relay is not null)
            {
                ValidateRelay(scenario.Relay, $"{source}: relay");
            }

            if (scenario.Community is not null)
            {
                ValidateCommunity(scenario.Community, $"{source}: community");
            }
        }

        private static void ValidateRelay(RelayDefinition relay, string where)
        {
            Require(!string.IsNullOrWhiteSpace(relay.AccessToken), where, "accessToken is required (the user's access token for /api/*).");
            Require(relay.UserId > 0, where, "userId must be a positive number.");
            Require(relay.RevocationCacheSec >= 0, where, "revocationCacheSec must be >= 0.");
            Require(relay.NewTokenDelaySec >= 0, where, "newTokenDelaySec must be >= 0.");
            Require(relay.MaxTokens >= 0, where, "maxTokens must be >= 0 (0: no cap).");
            var ids = new HashSet<int>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < relay.Tokens.Count; i++)
            {
                string at = $"{where}.tokens[{i}]";
                RelayTokenDefinition token = relay.Tokens[i] ?? throw new ScenarioValidationException($"{at} is null.");
                Require(token.Id > 0 && ids.Add(token.Id), at, "id must be a positive number, unique among the tokens.");
                Require(token.UserId is null or > 0, at, "userId must be a positive number (absent: the relay's userId).");
                Require(token.Name is not null, at, "name is required.");
                Require(RelayKeys.IsStoredForm(RelayKeys.ToStoredForm(token.Key)), at,
                    $"key must be 'sk-' (optional) and {RelayKeys.Length} letters and digits.");
                Require(keys.Add(RelayKeys.ToStoredForm(token.Key)!), at, "the same key appears twice.");
                Require(token.Status is >= 1 and <= 4, at, "status must be 1 (enabled), 2 (disabled), 3 (expired) or 4 (exhausted).");
                Require(token.ExpiredTime >= -1, at, "expiredTime must be unix seconds, or -1 for never.");
            }
        }

        private static void ValidateCommunity(CommunityDefinition community, string where)
        {
            Require(community.Repository.Count(c => c == '/') == 1 && !community.Repository.StartsWith('/') && !community.Repository.EndsWith('/'), where, "repository must be owner/name.");
            for (int i = 0; i < community.Issues.Count; i++)
            {
                CommunityIssue issue = community.Issues[i] ?? throw new ScenarioValidationException($"{where}.issues[{i}] is null.");
                Require(issue.Number > 0, $"{where}.issues[{i}]", "number must be positive.");
                Require(!string.IsNullOrWhiteSpace(issue.Title), $"{where}.issues[{i}]", "title is required.");
                Require(issue.MinutesAgo >= 0, $"{where}.issues[{i}]", "minutesAgo cannot be negative.");
            }
        }

        private static void ValidateStatusPage(StatusPageDefinition page, string where)
        {
            Require(page.Heartbeats is >= 1 and <= 100, where, "heartbeats must be 1 to 100 (Uptime Kuma lists up to 100 per monitor).");
            Require(!string.IsNullOrEmpty(page.Slug) && page.Slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'), where,
                "slug must be lower-case letters, digits and '-' (Uptime Kuma lower-cases slugs).");
            Require(!string.IsNullOrWhiteSpace(page.Title), where, "title is required.");
            Require(page.Shape is "1" or "2", where, "shape must be \"2\" (Uptime Kuma 2.x) or \"1\" (1.23).");
            var ids = new HashSet<int>();
            for (int g = 0; g < (page.Groups ?? []).Count; g++)
            {
                StatusPageGroup group = page.Groups![g] ?? throw new ScenarioValidationException($"{where}.groups[{g}] is null.");
                Require(!string.IsNullOrWhiteSpace(group.Name), $"{where}.groups[{g}]", "name is required.");
                for (int m = 0; m < (group.Monitors ?? []).Count; m++)
                {
                    string at = $"{where}.groups[{g}].monitors[{m}]";
                    StatusPageMonitor monitor = group.Monitors![m] ?? throw new ScenarioValidationException($"{at} is null.");
                    Require(monitor.Id > 0 && ids.Add(monitor.Id), at, "id must be a positive number, unique on the page.");
                    Require(!string.IsNullOrWhiteSpace(monitor.Name), at, "name is required.");
                    Require(monitor.Uptime24 is >= 0 and <= 1, at, "uptime24 is a fraction between 0 and 1 (0.9995 for 99.95 %).");
                    Require(monitor.PingMs is null or >= 0, at, "pingMs must be >= 0.");
                }
            }

            for (int i = 0; i < (page.Incidents ?? []).Count; i++)
            {
                StatusPageIncident incident = page.Incidents![i] ?? throw new ScenarioValidationException($"{where}.incidents[{i}] is null.");
                Require(!string.IsNullOrWhiteSpace(incident.Title), $"{where}.incidents[{i}]", "title is required.");
                Require(incident.Style is "info" or "warning" or "danger" or "primary" or "light" or "dark", $"{where}.incidents[{i}]",
                    "style must be one of info, warning, danger, primary, light, dark.");
            }

            for (int i = 0; i < (page.Maintenance ?? []).Count; i++)
            {
                StatusPageMaintenance window = page.Maintenance![i] ?? throw new ScenarioValidationException($"{where}.maintenance[{i}] is null.");
                Require(!string.IsNullOrWhiteSpace(window.Title), $"{where}.maintenance[{i}]", "title is required.");
            }
        }

        private void ValidateKey(ScenarioKey key, string where)
        {
            Require(string.IsNullOrEmpty(key.Key) != string.IsNullOrEmpty(key.Prefix), where, "give exactly one of 'key' and 'prefix'.");
            Require(key.Status is null or (>= 100 and <= 599), where, "status must be an HTTP status (100-599).");
            Require(key.UsedToday >= 0, where, "usedToday must be >= 0.");
            Require(key.DailyLimit is null or >= 0, where, "dailyLimit must be >= 0.");
            Require(key.ActivateAfterSec is null or >= 0, where, "activateAfterSec must be >= 0.");
            if (key.Changes is { } changes)
            {
                for (int i = 0; i < changes.Count; i++)
                {
                    Require(changes[i] is not null, where, $"changes[{i}] is null.");
                    Require(changes[i].AfterSec >= 0, where, $"changes[{i}].afterSec must be >= 0.");
                }
            }
            // OpenAI has no daily limit, and the corpus holds no answer of OpenAI's for one.
            Require(key.Personality != KeyPersonality.OpenAI
                || (key.State != KeyState.DailyLimitReached && !(key.Changes ?? []).Any(change => change?.State == KeyState.DailyLimitReached)),
                where, "an OpenAI key cannot be 'dailyLimitReached': OpenAI has no daily limit to answer for.");
            if (key.Balance is { } balance)
            {
                Require(balance.Total >= 0 && balance.Used >= 0 && balance.CostPerRequest >= 0, where, "balance.total, balance.used and balance.costPerRequest must be >= 0.");
            }

            if (key.Fault is not null)
            {
                ValidateFault(key.Fault, where + ".fault");
            }

            if (key.RateLimits is { } rateLimits)
            {
                Require(key.Personality == KeyPersonality.OpenAI, where, "rateLimits are OpenAI's per-minute limits: only an OpenAI key can have them.");
                Require(rateLimits.RequestsPerMinute > 0 && rateLimits.TokensPerMinute > 0, where, "rateLimits.requestsPerMinute and rateLimits.tokensPerMinute must be > 0.");
            }

            if (key.Stream is { } stream)
            {
                Require(stream.CutAfterChunks is null or >= 0, where, "stream.cutAfterChunks must be >= 0.");
                Require(stream.ChunkDelayMs is >= 0 and <= MaxChunkDelayMs, where, $"stream.chunkDelayMs must be between 0 and {MaxChunkDelayMs}.");
                // The "200 OK" frame is ChatAnywhere's (CA-stream-200-ok-error-frame); OpenAI was never seen to send one.
                Require(!stream.OkErrorFrame || key.Personality == KeyPersonality.ChatAnywhere, where,
                    "stream.okErrorFrame is ChatAnywhere's frame: only a ChatAnywhere key can have it.");
            }

            if (key.Answer is not null)
            {
                ValidateAnswer(key, where);
            }
        }

        private void ValidateAnswer(ScenarioKey key, string where)
        {
            string id = key.Answer!;
            Require(_fixtures.Corpus.Contains(id), where, $"answer '{id}' is not a corpus id (the ids of corpus/answers/*.json).");
            Require(_fixtures.Corpus.CanReplay(id), where,
                $"answer '{id}' has no status in the corpus (its source did not show one), so it cannot be replayed: pick a row with a status.");
            // The row is the whole answer; anything that would change it over time or by fault would be ignored.
            Require(key.Fault is null && key.Changes is null && key.ActivateAfterSec is null && key.Status is null && key.Stream is null, where,
                $"answer '{id}' replays the row as captured: leave out 'fault', 'changes', 'activateAfterSec', 'status' and 'stream'.");
        }

        private void ValidateFault(FaultDefinition fault, string where)
        {
            Require(fault.Kind is not null, where, "'kind' is required.");
            Require(fault.Rate is null or (>= 0 and <= 1), where, "rate must be between 0 and 1.");
            Require(fault.Ms is null or >= 0, where, "ms must be >= 0.");
            Require(fault.JitterMs is null or >= 0, where, "jitterMs must be >= 0.");
            Require(fault.Status is null or (>= 100 and <= 599), where, "status must be an HTTP status (100-599).");
            Require(fault.RetryAfterSec is null or >= 0, where, "retryAfterSec must be >= 0.");
            Require(fault.RetryAfterMs is null or >= 0, where, "retryAfterMs must be >= 0.");
            Require(fault.Failures is null or >= 0, where, "failures must be >= 0.");
            Require(fault.Bytes is null or (> 0 and <= MaxFaultBytes), where, $"bytes must be between 1 and {MaxFaultBytes}.");
            Require(fault.Methods is null || fault.Methods.All(method => !string.IsNullOrWhiteSpace(method)), where,
                "methods must be HTTP method names (\"PUT\", \"DELETE\"...).");
            if (fault.Fixture is not null)
            {
                Require(_fixtures.Contains(fault.Fixture), where, $"fixture '{fault.Fixture}' is neither a corpus id (corpus/answers) nor in Resources/responses.json.");
                Require(fault.Status is not null || _fixtures.Get(fault.Fixture).Status is not null, where,
                    $"fixture '{fault.Fixture}' has no captured status: give 'status'.");
            }

            if (fault.Kind == FaultKind.Redirect)
            {
                Require(fault.Status is null or (>= 300 and <= 399), where, "a redirect's status must be 3xx.");
                Require(fault.Location is null || Uri.IsWellFormedUriString(fault.Location, UriKind.RelativeOrAbsolute), where, "location is not a URI.");
                Require(fault.Location is null || !Uri.TryCreate(fault.Location, UriKind.Absolute, out Uri? target) || target.IsLoopback, where,
                    "location must stay on this machine (a loopback address, or a path): offline rehearsal never sends a client elsewhere.");
            }
        }

        private static void Require(bool condition, string where, string message)
        {
            if (!condition)
            {
                throw new ScenarioValidationException($"{where}: {message}");
            }
        }
    }
}
