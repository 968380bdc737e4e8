using System.Collections.Generic;
using ChatAnywhere.Engine.Json;

namespace ChatAnywhere.Engine.Balance
{
    /// <summary>
    /// Reads ChatAnywhere's POST /v1/query/balance and POST /v1/query/usage_details. No success body of
    /// the balance route was ever captured: the field names come from clients' types
    /// ({id, apiKey, adminKeyId, balanceTotal, balanceUsed, status}, balance-usage.md §1.2), so every
    /// field may be missing and is reported as missing, never guessed.
    /// </summary>
    internal static class ChatAnywhereBalanceReader
    {
        /// <summary>The figures of a 200 answer; null when the body is not a JSON object.</summary>
        public static BalanceFigures? ReadBalance(string body)
        {
            if (!JsonLite.TryParse(body, out var root) || root is not Dictionary<string, object?>)
            {
                return null;
            }

            // Tolerate the figures inside a "data" envelope, as ChatAnywhere's other answers are wrapped.
            var holder = JsonLite.Member(root, "balanceTotal") is null && JsonLite.Member(root, "data") is Dictionary<string, object?> data ? data : root;
            var figures = new BalanceFigures
            {
                Total = BalanceJson.Amount(BalanceJson.Number(holder, "balanceTotal")),
                Used = BalanceJson.Amount(BalanceJson.Number(holder, "balanceUsed")),
                // The answer names no currency (balance-usage.md §1.2): the unit stays Unknown.
                Unit = BalanceUnit.Unknown,
            };
            figures.Complete();
            if (figures.Total is null && figures.Used is null)
            {
                figures.Notes.Add("The service accepted the key but its answer carried no balance (no balanceTotal or balanceUsed): free keys have a daily request limit instead of a balance.");
            }
            else if (figures.Total is null || figures.Used is null)
            {
                figures.Notes.Add($"The answer lacked {(figures.Total is null ? "balanceTotal" : "balanceUsed")}; Remaining cannot be computed.");
            }

            figures.Notes.Add("ChatAnywhere's balance answer names no currency, so Unit is Unknown (its web page shows the figures; the balance route is undocumented).");
            return figures;
        }

        /// <summary>The hourly rows of a 200 usage_details answer; null when the body is not a JSON array.</summary>
        public static List<BalanceUsageRow>? ReadUsage(string body, string modelPattern)
        {
            if (!JsonLite.TryParse(body, out var root) || root is not List<object?> items)
            {
                return null;
            }

            var rows = new List<BalanceUsageRow>(items.Count);
            foreach (var item in items)
            {
                if (item is not Dictionary<string, object?>)
                {
                    continue;
                }

                rows.Add(new BalanceUsageRow
                {
                    Time = JsonLite.Text(item, "time"),
                    Model = JsonLite.Text(item, "model") ?? modelPattern,
                    PromptTokens = Whole(BalanceJson.Number(item, "promptTokens")),
                    CompletionTokens = Whole(BalanceJson.Number(item, "completionTokens")),
                    TotalTokens = Whole(BalanceJson.Number(item, "totalTokens")),
                    Requests = Whole(BalanceJson.Number(item, "count")),
                    Cost = BalanceJson.Amount(BalanceJson.Number(item, "cost")),
                    Unit = BalanceUnit.Unknown,
                });
            }

            return rows;
        }

        private static long? Whole(double? value) => value is { } v && v >= long.MinValue && v <= long.MaxValue ? (long)v : (long?)null;
    }
}
