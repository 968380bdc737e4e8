using System.Collections.Generic;
using System.Globalization;
using ChatAnywhere.Engine.Json;

namespace ChatAnywhere.Engine.Balance
{
    /// <summary>
    /// Reads the OpenAI-style billing routes one-api and new-api serve to a relay key:
    /// GET /v1/dashboard/billing/subscription (hard_limit_usd = remaining + used, access_until) and
    /// GET /v1/dashboard/billing/usage (total_usage in hundredths), balance-usage.md §2.2 and §3.1.
    /// </summary>
    internal static class BillingRoutesReader
    {
        // one-api and new-api write this for an unlimited token instead of a balance (balance-usage.md §2.2).
        private const double UnlimitedMarker = 100000000;

        /// <summary>True when a 200 body is an answer of these routes with an "error" member (they send errors with status 200).</summary>
        public static string? ErrorMessage(string body) =>
            JsonLite.TryParse(body, out var root) && JsonLite.Member(root, "error") is Dictionary<string, object?> error
                ? JsonLite.Text(error, "message") ?? "(no message)"
                : null;

        /// <summary>
        /// The figures of a subscription answer and, when given, a usage answer, in <paramref name="unit"/>;
        /// null when the subscription body carries no hard_limit_usd.
        /// </summary>
        public static BalanceFigures? Read(string subscriptionBody, string? usageBody, BalanceUnit unit, bool oneApi)
        {
            if (!JsonLite.TryParse(subscriptionBody, out var subscription) || BalanceJson.Number(subscription, "hard_limit_usd") is not { } limit)
            {
                return null;
            }

            var figures = new BalanceFigures { Unit = unit, ExpiresAt = BalanceJson.UnixSeconds(BalanceJson.Number(subscription, "access_until")) };
            if (limit >= UnlimitedMarker)
            {
                figures.Unlimited = true;
                figures.Notes.Add("hard_limit_usd is 100000000, which the relay writes for a token without a quota limit.");
            }
            else
            {
                figures.Total = BalanceJson.Amount(limit);
            }

            var usage = usageBody is not null && JsonLite.TryParse(usageBody, out var usageRoot) ? BalanceJson.Number(usageRoot, "total_usage") : null;
            if (usage is { } hundredths)
            {
                // "unit: 0.01 dollar": total_usage is a hundred times the amount (balance-usage.md §2.2).
                figures.Used = BalanceJson.Amount(hundredths / 100);
            }
            else
            {
                figures.Notes.Add("The usage route gave no total_usage: only the total granted is known.");
            }

            if (!figures.Unlimited && figures.Total is { } total && figures.Used is { } used && used > total && oneApi)
            {
                // one-api's user-stats branch reads only the remaining quota into hard_limit_usd (balance-usage.md §2.2).
                figures.Remaining = total;
                figures.Total = total + used;
                figures.Notes.Add("hard_limit_usd is below the usage, so this one-api relay shows user statistics, where hard_limit_usd is the user's remaining quota: Remaining is hard_limit_usd.");
            }
            else if (oneApi)
            {
                figures.Notes.Add("On a one-api relay that shows user statistics instead of the token's (DisplayTokenStatEnabled off), hard_limit_usd is the user's remaining quota and these figures overstate Total.");
            }

            if (!figures.Unlimited)
            {
                figures.Complete();
            }

            figures.Notes.Add(string.Format(CultureInfo.InvariantCulture, "Read from hard_limit_usd and total_usage/100; the \"_usd\" fields are in {0}.", unit == BalanceUnit.Unknown ? "a unit the relay did not name" : unit.ToString()));
            return figures;
        }

        /// <summary>The usage answer as one row: relays report only the total since the token was made.</summary>
        public static BalanceUsageRow? UsageRow(string? usageBody, BalanceUnit unit) =>
            usageBody is not null && JsonLite.TryParse(usageBody, out var root) && BalanceJson.Number(root, "total_usage") is { } hundredths
                ? new BalanceUsageRow { Cost = BalanceJson.Amount(hundredths / 100), Unit = unit }
                : null;
    }
}
