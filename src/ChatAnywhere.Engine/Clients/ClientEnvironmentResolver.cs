using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Keys;

namespace ChatAnywhere.Engine.Clients
{
    /// <summary>
    /// Works out, for each client, the key and base URL it would use with these settings, and what is
    /// wrong with them (the problem codes of Get-ApiKeyEnvironment; facts in docs/client-environment.md).
    /// Nothing is sent anywhere.
    /// </summary>
    internal static class ClientEnvironmentResolver
    {
        private const string DefaultOrigin = "(default)";

        /// <summary>One result per client that would find a key, in the order of <see cref="ClientProfiles.All"/>.</summary>
        public static IEnumerable<ApiKeyEnvironment> Resolve(ClientSettings settings, DateTime now)
        {
            if (settings is null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            foreach (var profile in ClientProfiles.All)
            {
                var result = Resolve(profile, settings, now);
                if (result is not null)
                {
                    yield return result;
                }
            }
        }

        public static ApiKeyEnvironment? Resolve(ClientProfile profile, ClientSettings settings, DateTime now)
        {
            var key = KeySource(profile, settings);
            if (key is null)
            {
                return null;
            }

            var baseSource = BaseUriSource(profile, settings);
            var sent = profile.TrimsValues ? key.Value.Trim() : key.Value;
            var inspection = KeyInspector.Inspect(sent);
            var baseUri = baseSource?.Value.Trim() ?? profile.DefaultBaseUri;
            return new ApiKeyEnvironment
            {
                Client = profile.Name,
                Key = inspection.Masked,
                KeyFingerprint = inspection.Fingerprint,
                KeyShape = ShapeOf(inspection),
                KeySource = key.Origin,
                BaseUri = baseUri,
                BaseUriSource = baseSource?.Origin ?? DefaultOrigin,
                Problems = Problems(profile, settings, key, sent, inspection, baseUri, baseSource).ToArray(),
                ApiKey = new NetworkCredential(string.Empty, sent).SecurePassword,
                CheckedAt = now,
            };
        }

        private static SettingSource? KeySource(ClientProfile profile, ClientSettings settings)
        {
            if (profile.ReadsParameterDefaults && settings.First(ClientProfiles.DefaultApiKey, SettingScope.DefaultParameterValue) is { } fromDefaults)
            {
                return fromDefaults;
            }

            if (profile.SessionVariables.Count > 0 && settings.First(profile.SessionVariables[0], SettingScope.Session) is { } fromSession)
            {
                return fromSession;
            }

            return profile.KeyVariables.Select(settings.Effective).FirstOrDefault(s => s is not null);
        }

        private static SettingSource? BaseUriSource(ClientProfile profile, ClientSettings settings)
        {
            if (profile.ReadsParameterDefaults && settings.First(ClientProfiles.DefaultBaseUri, SettingScope.DefaultParameterValue) is { } fromDefaults)
            {
                return fromDefaults;
            }

            if (profile.SessionVariables.Count > 1 && settings.First(profile.SessionVariables[1], SettingScope.Session) is { } fromSession)
            {
                return fromSession;
            }

            return profile.BaseUriVariables.Select(settings.Effective).FirstOrDefault(s => s is not null);
        }

        private static ApiKeyShape ShapeOf(KeyInspection inspection) =>
            inspection.IsMalformed ? ApiKeyShape.Malformed :
            inspection.Shape == KeyShape.Relay ? ApiKeyShape.Relay :
            inspection.Shape.IsOpenAI() ? ApiKeyShape.OpenAI :
            ApiKeyShape.Other;

        private static IEnumerable<EnvironmentProblem> Problems(
            ClientProfile profile, ClientSettings settings, SettingSource key, string sent, KeyInspection inspection, string baseUri, SettingSource? baseSource)
        {
            Uri.TryCreate(baseUri, UriKind.Absolute, out var uri);
            var toOpenAI = uri is not null && KnownHosts.KindOf(uri) == EndpointKind.OpenAI;
            var readsNames = profile.BaseUriVariables.Count == 0 ? "no base URL variable" : string.Join(" or ", profile.BaseUriVariables);

            if (inspection.Shape == KeyShape.Relay && toOpenAI)
            {
                yield return new EnvironmentProblem(
                    "RelayKeySentToOpenAI",
                    $"{profile.Name} reads {readsNames}; {(baseSource is null ? "none is set, so it" : baseSource.Origin + " points there, so it")} sends this relay key to api.openai.com, which answers 401 Incorrect API key provided.",
                    profile.BaseUriVariables.Count == 0
                        ? $"Set the endpoint in the application's code to {KnownHosts.DefaultBaseUri}/v1."
                        : $"Set {profile.BaseUriVariables[0]}={(profile.AddsV1 ? KnownHosts.DefaultBaseUri : KnownHosts.DefaultBaseUri + "/v1")}.");
            }

            if (inspection.Shape.IsOpenAI() && uri is not null && !toOpenAI && KnownHosts.KindOf(uri) != EndpointKind.Loopback)
            {
                yield return new EnvironmentProblem(
                    "OpenAIKeyToRelay",
                    $"{profile.Name} sends an OpenAI key ({key.Origin}) to {uri.Host} ({baseSource?.Origin ?? DefaultOrigin}); a relay does not know OpenAI's keys.",
                    $"Use the relay's own key there, or unset {baseSource?.Name ?? "the base URL"} to reach OpenAI.");
            }

            if (inspection.IsMalformed && inspection.Problem != VerdictReason.KeyHasInnerWhitespace)
            {
                yield return new EnvironmentProblem("KeyMalformed", $"The value in {key.Origin} cannot be a key ({inspection.Problem}).", "Copy the key again from where it was issued.");
            }

            if (sent.Trim().Length != sent.Length || inspection.Problem == VerdictReason.KeyHasInnerWhitespace)
            {
                yield return new EnvironmentProblem("KeyHasWhitespace", $"The value in {key.Origin} has white space around or inside it, and {profile.Name} sends it as it is.", $"Set {key.Name} again without spaces or line breaks.");
            }

            var trimmed = sent.Trim();
            if (trimmed.Length >= 2 && (trimmed[0] == '"' || trimmed[0] == '\'') && trimmed[trimmed.Length - 1] == trimmed[0])
            {
                yield return new EnvironmentProblem("KeyQuoted", $"The value in {key.Origin} is in quotes, and {profile.Name} sends the quotes with the key.", $"Set {key.Name} again without the quotes.");
            }

            if (baseSource is not null && uri is not null && !profile.AddsV1 && !EndsWithV1(uri) && !LooksLikeEndpoint(uri))
            {
                yield return new EnvironmentProblem("BaseUriMissingV1", $"{baseSource.Origin} is {baseUri}, without /v1; {profile.Name} adds the path (/chat/completions) straight after it, so the relay answers 404.", $"Set {baseSource.Name}={baseUri.TrimEnd('/')}/v1.");
            }

            if (uri is not null && (uri.AbsolutePath.IndexOf("/v1/v1", StringComparison.OrdinalIgnoreCase) >= 0 || (!profile.AddsV1 && LooksLikeEndpoint(uri))))
            {
                yield return new EnvironmentProblem("BaseUriDoubleV1", $"{baseSource?.Origin ?? DefaultOrigin} is {baseUri}: {profile.Name} adds /v1/... or the request path again, so the path is doubled.", "Set the base URL to the API root ending in a single /v1.");
            }

            foreach (var ignored in ClientProfiles.BaseUriVariables.Where(v => !profile.BaseUriVariables.Contains(v)).Select(settings.Effective).Where(s => s is not null))
            {
                if (!string.Equals(ignored!.Value.Trim(), baseUri, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new EnvironmentProblem("VariableIgnoredByClient", $"{ignored.Origin} is set, but {profile.Name} reads {readsNames}: it uses {baseUri} instead.", profile.BaseUriVariables.Count == 0 ? "Set the endpoint in the application's code." : $"Set {profile.BaseUriVariables[0]} to the same value.");
                }
            }

            if (uri is not null && uri.Scheme == "http" && KnownHosts.KindOf(uri) != EndpointKind.Loopback)
            {
                yield return new EnvironmentProblem("UnencryptedBaseUri", $"{baseUri} is plain http: {profile.Name} sends the key in clear to {uri.Host}.", "Use the https address of the service.");
            }

            foreach (var name in new[] { key.Name, baseSource?.Name }.Where(n => n is not null && key.Scope != SettingScope.DefaultParameterValue && key.Scope != SettingScope.Session))
            {
                var values = settings.All(name!).Where(s => s.Scope != SettingScope.Session && s.Scope != SettingScope.DefaultParameterValue).ToList();
                if (values.Select(s => s.Value.Trim()).Distinct(StringComparer.Ordinal).Count() > 1)
                {
                    yield return new EnvironmentProblem("ScopesDisagree", $"{name} differs between {string.Join(", ", values.Select(s => s.Origin))}: a new terminal, a service or a program that loads .env will use another value.", $"Set {name} to one value everywhere (or remove the stale ones).");
                }
            }
        }

        private static bool EndsWithV1(Uri uri) => uri.AbsolutePath.TrimEnd('/').EndsWith("/v1", StringComparison.OrdinalIgnoreCase);

        // A base URL that already holds a request path: ".../v1/chat/completions".
        private static bool LooksLikeEndpoint(Uri uri)
        {
            var path = uri.AbsolutePath.TrimEnd('/');
            return path.EndsWith("/chat/completions", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/models", StringComparison.OrdinalIgnoreCase);
        }
    }
}
