using System.Collections.Generic;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Json;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// Reads a one-api / new-api relay's public GET /api/status
    /// (relay-admin-api.md §4: {"success":true,"message":"","data":{"version","system_name",...}}).
    /// </summary>
    internal static class RelayStatusReader
    {
        // Members only new-api's /api/status carries (relay-admin-api.md §4, new-api/2025-04 controller/misc.go).
        private static readonly string[] NewApiOnlyMembers = { "setup", "self_use_mode_enabled", "demo_site_enabled", "docs_link", "price" };

        /// <summary>True for a relay's success answer; the backend is told apart by new-api's marks.</summary>
        public static bool TryRead(ProbeResponse response, out string? version, out string? systemName, out BackendKind backend)
        {
            version = null;
            systemName = null;
            backend = BackendKind.Unknown;
            if (response is null || response.StatusCode != 200 || !JsonLite.TryParse(response.Body, out var root) ||
                JsonLite.Member(root, "success") is not true || JsonLite.Member(root, "data") is not Dictionary<string, object?> data ||
                (!data.ContainsKey("version") && !data.ContainsKey("system_name")))
            {
                return false;
            }

            version = JsonLite.Text(data, "version");
            systemName = JsonLite.Text(data, "system_name");
            backend = BackendKind.OneApi;
            if (response.Header("X-New-Api-Version") is not null)
            {
                backend = BackendKind.NewApi;
            }
            else
            {
                foreach (var member in NewApiOnlyMembers)
                {
                    if (data.ContainsKey(member))
                    {
                        backend = BackendKind.NewApi;
                        break;
                    }
                }
            }

            return true;
        }
    }
}
