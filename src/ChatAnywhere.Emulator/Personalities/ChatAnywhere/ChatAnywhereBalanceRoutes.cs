using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ChatAnywhere.Emulator.DataPlane;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Keys;
using ChatAnywhere.Emulator.Limits;
using ChatAnywhere.Emulator.Scenarios;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.ChatAnywhere
{
    /// <summary>
    /// ChatAnywhere's POST /v1/query/balance and POST /v1/query/usage_details (balance-usage.md §1), which
    /// spend nothing. The key comes bare in Authorization, as the service's page and its docs send it;
    /// "Bearer " is tolerated, as no answer to it was captured. Bodies follow the EMU-CA-* entries of
    /// Resources/responses.json: reconstructions, since no balance answer was ever captured verbatim.
    /// </summary>
    public sealed class ChatAnywhereBalanceRoutes
    {
        public const string BalancePath = "/v1/query/balance";
        public const string UsagePath = "/v1/query/usage_details";
        private const string BearerScheme = "Bearer ";

        private readonly ChatAnywhereAnswers _answers;
        private readonly SpendingLedger _spending;
        private readonly CannedAnswer _malformed;

        public ChatAnywhereBalanceRoutes(ChatAnywhereAnswers answers, SpendingLedger spending, FixtureCatalog fixtures)
        {
            ArgumentNullException.ThrowIfNull(fixtures);
            _answers = answers;
            _spending = spending;
            _malformed = fixtures.Answer("EMU-CA-balance-malformed");
        }

        public static bool Serves(DataPlaneRequest request) =>
            HttpMethods.IsPost(request.Method) &&
            (string.Equals(request.PathWithin.Value, BalancePath, StringComparison.OrdinalIgnoreCase) ||
             string.Equals(request.PathWithin.Value, UsagePath, StringComparison.OrdinalIgnoreCase));

        /// <summary>The balance a key has now: its scenario figures plus what the data plane spent.</summary>
        public decimal UsedNow(string key, KeyBalance balance) => balance.Used + _spending.Spent(key);

        public async Task<CannedAnswer> AnswerAsync(DataPlaneRequest request)
        {
            ArgumentNullException.ThrowIfNull(request);
            string? key = request.Authorization is { } header && header.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase)
                ? header[BearerScheme.Length..]
                : request.Authorization;
            if (key is null || !key.StartsWith("sk-", StringComparison.Ordinal))
            {
                return _answers.MissingOrMalformedKey;
            }

            TrackedKey? tracked = request.Scenario.Find(key) is { Entry.Personality: KeyPersonality.ChatAnywhere } known ? known : null;
            switch (tracked?.StateAt(request.ReceivedAt) ?? EffectiveKeyState.NotRecognized)
            {
                case EffectiveKeyState.NotRecognized:
                    // The data plane's captured answer to an unknown key; what this route says was not captured.
                    return _answers.For(request.Scenario.Definition.ChatAnywhereEra).InvalidKey(key);
                case EffectiveKeyState.Suspended:
                    return _answers.Suspended(tracked!.Entry.Status ?? StatusCodes.Status401Unauthorized);
            }

            // A daily-limited or low-balance key still reads its balance: the query spends nothing.
            if (string.Equals(request.PathWithin.Value, UsagePath, StringComparison.OrdinalIgnoreCase))
            {
                return await UsageAsync(request, key).ConfigureAwait(false);
            }

            return Balance(key, tracked!.Entry);
        }

        private CannedAnswer Balance(string key, ScenarioKey entry)
        {
            KeyBalance? balance = entry.Balance;
            if (balance?.Answer == BalanceAnswerShape.Malformed)
            {
                return _malformed;
            }

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", Math.Abs(key.GetHashCode(StringComparison.Ordinal) % 100000));
                writer.WriteString("apiKey", ChatAnywhereKeyMask.Mask(key));
                writer.WriteNumber("adminKeyId", 0);
                if (balance is not null && balance.Answer != BalanceAnswerShape.NoBalance)
                {
                    writer.WriteNumber("balanceTotal", balance.Total);
                    if (balance.Answer == BalanceAnswerShape.Full)
                    {
                        writer.WriteNumber("balanceUsed", UsedNow(key, balance));
                    }
                }

                writer.WriteNumber("status", 1);
                writer.WriteEndObject();
            }

            return new CannedAnswer(StatusCodes.Status200OK, "application/json", buffer.ToArray());
        }

        private async Task<CannedAnswer> UsageAsync(DataPlaneRequest request, string key)
        {
            using var reader = new StreamReader(request.Context.Request.Body, Encoding.UTF8);
            string text = await reader.ReadToEndAsync(request.Context.RequestAborted).ConfigureAwait(false);
            string pattern;
            int hours;
            try
            {
                using JsonDocument body = JsonDocument.Parse(text);
                pattern = body.RootElement.GetProperty("model").GetString() ?? "%";
                hours = body.RootElement.GetProperty("hours").GetInt32();
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // Both members are required (balance-usage.md §1.1); the error for a bad body was not captured.
                return _answers.BodyNotJson;
            }

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartArray();
                foreach (SpendingRow row in _spending.Rows(key, request.ReceivedAt, hours, pattern))
                {
                    writer.WriteStartObject();
                    writer.WriteString("time", row.Hour.ToString("yyyy-MM-dd HH:00:00", CultureInfo.InvariantCulture));
                    writer.WriteNumber("promptTokens", row.PromptTokens);
                    writer.WriteNumber("completionTokens", row.CompletionTokens);
                    writer.WriteNumber("totalTokens", row.PromptTokens + row.CompletionTokens);
                    writer.WriteNumber("count", row.Count);
                    writer.WriteNumber("cost", row.Cost);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            return new CannedAnswer(StatusCodes.Status200OK, "application/json", buffer.ToArray());
        }
    }
}
