using System;
using ChatAnywhere.Engine.Balance;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Balance
{
    /// <summary>Each backend's balance answer, whole, partial, in odd units and broken (balance-usage.md §1-§3).</summary>
    public sealed class BalanceReaderTests
    {
        private static readonly DateTimeOffset Now = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

        [Fact]
        public void ChatAnywhere_balance_is_total_minus_used_in_no_named_unit()
        {
            var figures = ChatAnywhereBalanceReader.ReadBalance("{\"id\":12,\"apiKey\":\"sk-****\",\"adminKeyId\":3,\"balanceTotal\":20,\"balanceUsed\":16.8,\"status\":1}")!;

            Assert.Equal(20m, figures.Total);
            Assert.Equal(16.8m, figures.Used);
            Assert.Equal(3.2m, figures.Remaining);
            Assert.Equal(BalanceUnit.Unknown, figures.Unit);
            Assert.Equal(BalanceState.Active, figures.StateAt(Now));
        }

        [Fact]
        public void ChatAnywhere_balance_without_figures_says_the_key_has_none_and_guesses_nothing()
        {
            var figures = ChatAnywhereBalanceReader.ReadBalance("{\"id\":12,\"status\":1}")!;

            Assert.Null(figures.Total);
            Assert.Null(figures.Remaining);
            Assert.Contains(figures.Notes, note => note.Contains("carried no balance", StringComparison.Ordinal));
        }

        [Fact]
        public void ChatAnywhere_balance_with_one_figure_leaves_remaining_unknown()
        {
            var figures = ChatAnywhereBalanceReader.ReadBalance("{\"balanceTotal\":\"5.5\"}")!;

            Assert.Equal(5.5m, figures.Total);
            Assert.Null(figures.Remaining);
            Assert.Contains(figures.Notes, note => note.Contains("lacked balanceUsed", StringComparison.Ordinal));
        }

        [Fact]
        public void ChatAnywhere_balance_inside_a_data_envelope_is_read_and_a_spent_key_is_exhausted()
        {
            var figures = ChatAnywhereBalanceReader.ReadBalance("{\"code\":200,\"data\":{\"balanceTotal\":1,\"balanceUsed\":1.02}}")!;

            Assert.Equal(-0.02m, figures.Remaining);
            Assert.Equal(BalanceState.Exhausted, figures.StateAt(Now));
        }

        [Theory]
        [InlineData("<html>busy</html>")]
        [InlineData("[1,2]")]
        [InlineData("{\"balanceTotal\":")]
        public void ChatAnywhere_balance_that_is_not_an_object_is_not_read(string body) =>
            Assert.Null(ChatAnywhereBalanceReader.ReadBalance(body));

        [Fact]
        public void ChatAnywhere_usage_details_are_hourly_rows()
        {
            var rows = ChatAnywhereBalanceReader.ReadUsage(
                "[{\"time\":\"2024-04-17 00:00:00\",\"promptTokens\":18,\"completionTokens\":34,\"totalTokens\":52,\"count\":2,\"cost\":0.0012},{\"time\":\"2024-04-17 01:00:00\"}]",
                "%")!;

            Assert.Equal(2, rows.Count);
            Assert.Equal(52, rows[0].TotalTokens);
            Assert.Equal(2, rows[0].Requests);
            Assert.Equal(0.0012m, rows[0].Cost);
            Assert.Null(rows[1].TotalTokens);
            Assert.Null(ChatAnywhereBalanceReader.ReadUsage("{\"error\":{}}", "%"));
        }

        [Fact]
        public void Billing_routes_give_hard_limit_minus_hundredths_of_usage()
        {
            var figures = BillingRoutesReader.Read(
                "{\"object\":\"billing_subscription\",\"hard_limit_usd\":10,\"access_until\":1798761600}",
                "{\"object\":\"list\",\"total_usage\":250}",
                BalanceUnit.USD,
                oneApi: true)!;

            Assert.Equal(10m, figures.Total);
            Assert.Equal(2.5m, figures.Used);
            Assert.Equal(7.5m, figures.Remaining);
            Assert.Equal(new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), figures.ExpiresAt);
        }

        [Fact]
        public void Billing_routes_mark_an_unlimited_token_and_give_no_remaining()
        {
            var figures = BillingRoutesReader.Read("{\"hard_limit_usd\":100000000,\"access_until\":0}", "{\"total_usage\":1}", BalanceUnit.USD, oneApi: false)!;

            Assert.True(figures.Unlimited);
            Assert.Null(figures.Remaining);
            Assert.Null(figures.ExpiresAt);
            Assert.Equal(BalanceState.Active, figures.StateAt(Now));
        }

        [Fact]
        public void One_api_user_statistics_branch_is_recognised_when_the_limit_is_below_the_usage()
        {
            var figures = BillingRoutesReader.Read("{\"hard_limit_usd\":1.5}", "{\"total_usage\":400}", BalanceUnit.USD, oneApi: true)!;

            Assert.Equal(1.5m, figures.Remaining);
            Assert.Equal(5.5m, figures.Total);
            Assert.Contains(figures.Notes, note => note.Contains("user statistics", StringComparison.Ordinal));
        }

        [Fact]
        public void Billing_routes_without_usage_or_limit()
        {
            var partial = BillingRoutesReader.Read("{\"hard_limit_usd\":3}", usageBody: null, BalanceUnit.Unknown, oneApi: false)!;

            Assert.Equal(3m, partial.Total);
            Assert.Null(partial.Remaining);
            Assert.Null(BillingRoutesReader.Read("{\"object\":\"billing_subscription\"}", null, BalanceUnit.USD, oneApi: false));
            Assert.Equal("无效的令牌", BillingRoutesReader.ErrorMessage("{\"error\":{\"message\":\"无效的令牌\",\"type\":\"one_api_error\"}}"));
        }

        [Theory]
        [InlineData("{\"success\":true,\"data\":{\"quota_per_unit\":500000,\"quota_display_type\":\"USD\"}}", 1000000, 2.0, BalanceUnit.USD)]
        [InlineData("{\"success\":true,\"data\":{\"quota_per_unit\":500000,\"quota_display_type\":\"CNY\",\"usd_exchange_rate\":7.2}}", 1000000, 14.4, BalanceUnit.CNY)]
        [InlineData("{\"success\":true,\"data\":{\"quota_per_unit\":500000,\"quota_display_type\":\"TOKENS\"}}", 1000000, 1000000.0, BalanceUnit.Tokens)]
        [InlineData("{\"success\":true,\"data\":{\"quota_per_unit\":500000,\"display_in_currency\":true}}", 250000, 0.5, BalanceUnit.USD)]
        [InlineData("{\"success\":true,\"data\":{\"quota_per_unit\":500000,\"display_in_currency\":false}}", 250000, 250000.0, BalanceUnit.Tokens)]
        [InlineData("{\"success\":true,\"data\":{\"quota_display_type\":\"USD\"}}", 250000, 250000.0, BalanceUnit.Tokens)]
        [InlineData("not json", 250000, 250000.0, BalanceUnit.Tokens)]
        public void Raw_quota_converts_only_with_what_the_status_says(string status, double quota, double expected, BalanceUnit unit)
        {
            var (amount, converted) = RelaySiteUnits.Read(status).FromQuota(quota);

            Assert.Equal((decimal)expected, amount);
            Assert.Equal(unit, converted);
        }

        [Fact]
        public void New_api_token_usage_is_converted_and_an_expiry_in_the_past_is_expired()
        {
            var units = RelaySiteUnits.Read("{\"success\":true,\"data\":{\"quota_per_unit\":500000,\"quota_display_type\":\"USD\"}}");
            var figures = NewApiTokenUsageReader.Read(
                "{\"code\":true,\"message\":\"ok\",\"data\":{\"object\":\"token_usage\",\"name\":\"ci\",\"total_granted\":2500000,\"total_used\":500000,\"total_available\":2000000,\"unlimited_quota\":false,\"expires_at\":1700000000}}",
                units)!;

            Assert.Equal(5m, figures.Total);
            Assert.Equal(1m, figures.Used);
            Assert.Equal(4m, figures.Remaining);
            Assert.Equal(BalanceUnit.USD, figures.Unit);
            Assert.Equal(BalanceState.Expired, figures.StateAt(Now));
        }

        [Theory]
        [InlineData("{\"success\":false,\"message\":\"Invalid Bearer token\"}")]
        [InlineData("{\"code\":false,\"data\":{\"total_available\":1}}")]
        [InlineData("{\"code\":true,\"data\":{}}")]
        public void New_api_token_usage_failures_and_empty_data_are_not_read(string body) =>
            Assert.Null(NewApiTokenUsageReader.Read(body, RelaySiteUnits.Unknown));
    }
}
