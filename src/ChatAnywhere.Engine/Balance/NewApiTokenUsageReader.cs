using System.Collections.Generic;
using ChatAnywhere.Engine.Json;

namespace ChatAnywhere.Engine.Balance
{
    /// <summary>
    /// Reads new-api's GET /api/usage/token/: {"code":true,"data":{"total_granted","total_used",
    /// "total_available","unlimited_quota","expires_at"}} in raw quota units (balance-usage.md §3.2).
    /// </summary>
    internal static class NewApiTokenUsageReader
    {
        /// <summary>The figures, converted with the site's units; null when the body is not that answer.</summary>
        public static BalanceFigures? Read(string body, RelaySiteUnits units)
        {
            if (!JsonLite.TryParse(body, out var root) || JsonLite.Member(root, "data") is not Dictionary<string, object?> data ||
                JsonLite.Member(root, "success") is false || JsonLite.Member(root, "code") is false)
            {
                return null;
            }

            var granted = BalanceJson.Number(data, "total_granted");
            var used = BalanceJson.Number(data, "total_used");
            var available = BalanceJson.Number(data, "total_available");
            if (granted is null && used is null && available is null)
            {
                return null;
            }

            var (total, unit) = units.FromQuota(granted);
            var figures = new BalanceFigures
            {
                Total = total,
                Used = units.FromQuota(used).Amount,
                Remaining = units.FromQuota(available).Amount,
                Unit = unit,
                Unlimited = BalanceJson.Flag(data, "unlimited_quota") == true,
                ExpiresAt = BalanceJson.UnixSeconds(BalanceJson.Number(data, "expires_at")),
            };
            figures.Complete();
            figures.Notes.Add(unit == BalanceUnit.Tokens && units.QuotaPerUnit is null
                ? "The figures are the relay's raw quota units: its /api/status did not give quota_per_unit to convert them."
                : $"Converted from raw quota units: {units.Description}{(units.QuotaPerUnit is { } q ? $", quota_per_unit {q}" : string.Empty)}.");
            return figures;
        }
    }
}
