using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ChatAnywhere.Emulator.Limits
{
    /// <summary>
    /// What ChatAnywhere keys spent through the data plane since the scenario started: the amount (added to
    /// a key's balanceUsed) and hourly rows for POST /v1/query/usage_details. Cleared with the scenario.
    /// </summary>
    public sealed class SpendingLedger
    {
        private readonly ConcurrentDictionary<string, List<SpendingRow>> _byKey = new(StringComparer.Ordinal);

        public void Spend(string key, DateTimeOffset at, string model, long promptTokens, long completionTokens, decimal cost)
        {
            List<SpendingRow> rows = _byKey.GetOrAdd(key, static _ => []);
            var hour = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero);
            lock (rows)
            {
                int index = rows.FindIndex(row => row.Hour == hour && string.Equals(row.Model, model, StringComparison.Ordinal));
                SpendingRow current = index >= 0 ? rows[index] : new SpendingRow(hour, model, 0, 0, 0, 0m);
                SpendingRow updated = current with
                {
                    PromptTokens = current.PromptTokens + promptTokens,
                    CompletionTokens = current.CompletionTokens + completionTokens,
                    Count = current.Count + 1,
                    Cost = current.Cost + cost,
                };
                if (index >= 0)
                {
                    rows[index] = updated;
                }
                else
                {
                    rows.Add(updated);
                }
            }
        }

        public decimal Spent(string key)
        {
            if (!_byKey.TryGetValue(key, out List<SpendingRow>? rows))
            {
                return 0m;
            }

            lock (rows)
            {
                return rows.Sum(row => row.Cost);
            }
        }

        /// <summary>Rows of the last <paramref name="hours"/> hours whose model matches the SQL LIKE <paramref name="pattern"/> (% any, _ one).</summary>
        public IReadOnlyList<SpendingRow> Rows(string key, DateTimeOffset now, int hours, string pattern)
        {
            if (!_byKey.TryGetValue(key, out List<SpendingRow>? rows))
            {
                return [];
            }

            var like = new Regex("^" + Regex.Escape(pattern).Replace("%", ".*", StringComparison.Ordinal).Replace("_", ".", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            DateTimeOffset since = now.AddHours(-hours);
            lock (rows)
            {
                return [.. rows.Where(row => row.Hour.AddHours(1) > since && like.IsMatch(row.Model)).OrderBy(row => row.Hour)];
            }
        }

        public void Clear() => _byKey.Clear();

        public void ForgetKey(string key) => _byKey.TryRemove(key, out _);
    }
}
