using System;
using System.Globalization;
using System.Text.Json.Nodes;
using ChatAnywhere.Emulator.DataPlane;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Keys;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.Relay
{
    /// <summary>
    /// What a relay key can read about its own balance (balance-usage.md §2-§3): the OpenAI-style billing
    /// routes on every mount, behind the data plane's token check, and new-api's /api/usage/token/, which
    /// wants exactly "Bearer &lt;key&gt;" and answers for a token of any status. Bodies follow the EMU-RELAY-* and
    /// EMU-NEW-* entries of Resources/responses.json, filled with the token's figures; the mounts' /api/status
    /// say display_in_currency true and quota_per_unit 500000, so amounts are quota / 500000 dollars.
    /// </summary>
    public sealed class RelayBillingRoutes
    {
        private const double QuotaPerDollar = 500000;
        // one-api and new-api write this for an unlimited token (balance-usage.md §2.2).
        private const double UnlimitedAmount = 100000000;

        private readonly CapturedResponse _subscription;
        private readonly CapturedResponse _usage;
        private readonly CapturedResponse _tokenUsage;
        private readonly CannedAnswer _bearerRequired;
        private readonly CannedAnswer _tokenUnknown;

        public RelayBillingRoutes(FixtureCatalog fixtures)
        {
            ArgumentNullException.ThrowIfNull(fixtures);
            _subscription = fixtures.Get("EMU-RELAY-billing-subscription");
            _usage = fixtures.Get("EMU-RELAY-billing-usage");
            _tokenUsage = fixtures.Get("EMU-NEW-usage-token");
            _bearerRequired = fixtures.Answer("EMU-NEW-401-usage-token-bearer");
            _tokenUnknown = fixtures.Answer("EMU-NEW-401-usage-token-invalid");
        }

        public static bool IsBillingRoute(DataPlaneRequest request) => HttpMethods.IsGet(request.Method) && BillingPath(request) is not null;

        public static bool IsTokenUsageRoute(DataPlaneRequest request) =>
            HttpMethods.IsGet(request.Method) &&
            (string.Equals(request.PathWithin.Value, "/api/usage/token/", StringComparison.OrdinalIgnoreCase) ||
             string.Equals(request.PathWithin.Value, "/api/usage/token", StringComparison.OrdinalIgnoreCase));

        /// <summary>The billing answer for a token the data plane's check accepted.</summary>
        public CannedAnswer Billing(DataPlaneRequest request, RelayToken token)
        {
            ArgumentNullException.ThrowIfNull(token);
            JsonObject body = Parse(BillingPath(request) == "usage" ? _usage : _subscription);
            if (BillingPath(request) == "usage")
            {
                body["total_usage"] = Round(token.UsedQuota / QuotaPerDollar * 100);
            }
            else
            {
                double limit = token.Settings.UnlimitedQuota ? UnlimitedAmount : Round((token.Settings.RemainQuota + token.UsedQuota) / QuotaPerDollar);
                body["soft_limit_usd"] = limit;
                body["hard_limit_usd"] = limit;
                body["system_hard_limit_usd"] = limit;
                body["access_until"] = token.Settings.ExpiredTime > 0 ? token.Settings.ExpiredTime : 0;
            }

            return CannedAnswer.Json(StatusCodes.Status200OK, body.ToJsonString());
        }

        /// <summary>new-api's GET /api/usage/token/: the header checked by the handler itself, then the token looked up whatever its status.</summary>
        public CannedAnswer TokenUsage(DataPlaneRequest request, RelayTokenStore tokens)
        {
            ArgumentNullException.ThrowIfNull(request);
            ArgumentNullException.ThrowIfNull(tokens);
            string[] parts = (request.Authorization ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase))
            {
                return _bearerRequired;
            }

            RelayToken? token = tokens.FindByKey(request.Scenario, RelayKeys.FromAuthorization(parts[1]));
            if (token is null || token.IsDeleted)
            {
                return _tokenUnknown;
            }

            JsonObject body = Parse(_tokenUsage);
            JsonObject data = body["data"]!.AsObject();
            data["name"] = token.Settings.Name;
            data["total_granted"] = token.Settings.RemainQuota + token.UsedQuota;
            data["total_used"] = token.UsedQuota;
            data["total_available"] = token.Settings.RemainQuota;
            data["unlimited_quota"] = token.Settings.UnlimitedQuota;
            data["model_limits_enabled"] = token.Settings.ModelLimit is not null;
            data["expires_at"] = token.Settings.ExpiredTime > 0 ? token.Settings.ExpiredTime : 0;
            return CannedAnswer.Json(StatusCodes.Status200OK, body.ToJsonString());
        }

        private static string? BillingPath(DataPlaneRequest request)
        {
            string path = request.PathWithin.Value ?? string.Empty;
            if (path.StartsWith("/v1/", StringComparison.OrdinalIgnoreCase))
            {
                path = path[3..];
            }

            return path.ToLowerInvariant() switch
            {
                "/dashboard/billing/subscription" => "subscription",
                "/dashboard/billing/usage" => "usage",
                _ => null,
            };
        }

        private static JsonObject Parse(CapturedResponse response) => JsonNode.Parse(response.WireBody)!.AsObject();

        private static double Round(double value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);
    }
}
