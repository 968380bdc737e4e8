using System.Collections.Generic;
using System.Globalization;

namespace ChatAnywhere.Engine.Balance
{
    /// <summary>Test-ApiKey -IncludeBalance: what is left, added to a verdict where it helps (a working key, or one out of money).</summary>
    internal static class TestResultBalance
    {
        /// <summary>True for the verdicts whose key the backend knows and whose balance says something.</summary>
        public static bool Applies(ApiKeyTestResult result) =>
            result is not null && (result.Verdict == KeyVerdict.Valid || result.Verdict == KeyVerdict.QuotaExhausted);

        /// <summary>Copies Remaining and Unit in and says them in the recommendation ("3.2 USD left").</summary>
        public static void Attach(ApiKeyTestResult result, ApiKeyBalance balance)
        {
            if (result is null || balance is null || (balance.Remaining is null && !balance.Unlimited))
            {
                return;
            }

            result.Remaining = balance.Remaining;
            result.Unit = balance.Unit;
            var left = balance.Unlimited
                ? "The key has no quota limit."
                : string.Format(CultureInfo.InvariantCulture, "{0} {1} left{2} ({3}).", balance.Remaining, balance.Unit == BalanceUnit.Unknown ? "(unit not named by the service)" : balance.Unit.ToString(), balance.ExpiresAt is { } expires ? string.Format(CultureInfo.InvariantCulture, ", until {0:yyyy-MM-dd HH:mm} UTC", expires) : string.Empty, balance.Source);
            result.Recommendation = new TextLines(new List<string>(result.Recommendation) { left });
        }
    }
}
