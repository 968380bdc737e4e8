using System;

namespace ChatAnywhere.Engine.Endpoints
{
    /// <summary>
    /// Defaults taken from the environment when a parameter is omitted, in the order other
    /// OpenAI-compatible tools read them: the module's own variable first, then OpenAI's.
    /// </summary>
    internal static class EnvironmentDefaults
    {
        /// <summary>Variables that may hold the key, first match wins.</summary>
        public static readonly string[] ApiKeyVariables = { "CHATANYWHERE_API_KEY", "OPENAI_API_KEY" };

        /// <summary>Variables that may hold the base URL, first match wins.</summary>
        public static readonly string[] BaseUriVariables = { "CHATANYWHERE_BASE_URL", "OPENAI_BASE_URL", "OPENAI_API_BASE" };

        /// <summary>The variable that may hold a relay user's access token (Reset-ApiKey).</summary>
        public const string AccessTokenVariable = "CHATANYWHERE_ACCESS_TOKEN";

        /// <summary>The key from the environment, or null.</summary>
        public static string? ApiKey() => FirstSet(ApiKeyVariables);

        /// <summary>The base URL from the environment, else <see cref="KnownHosts.DefaultBaseUri"/>.</summary>
        public static string BaseUri() => FirstSet(BaseUriVariables) ?? KnownHosts.DefaultBaseUri;

        /// <summary>The base URL the environment names, or null when none of <see cref="BaseUriVariables"/> is set.</summary>
        public static string? ConfiguredBaseUri() => FirstSet(BaseUriVariables);

        /// <summary>
        /// What Get-ServiceStatus checks without -BaseUri: the base URL the environment names (the same
        /// variables the key commands read, README "Environment variables"), else both ChatAnywhere hosts.
        /// </summary>
        public static string[] StatusTargets() => ConfiguredBaseUri() is { } configured ? new[] { configured } : KnownHosts.ChatAnywhereBaseUris;

        /// <summary>The relay access token from the environment, or null.</summary>
        public static string? AccessToken() => FirstSet(new[] { AccessTokenVariable });

        private static string? FirstSet(string[] names)
        {
            foreach (var name in names)
            {
                var value = Environment.GetEnvironmentVariable(name);
                if (!string.IsNullOrEmpty(value))
                {
                    return value;
                }
            }

            return null;
        }
    }
}
