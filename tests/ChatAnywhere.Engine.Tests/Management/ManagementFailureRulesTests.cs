using System;
using ChatAnywhere.Engine.Json;
using ChatAnywhere.Engine.Management;
using ChatAnywhere.Engine.Tests.Support;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Management
{
    /// <summary>Each row of the table: the relay's message or code names the failure and what to do.</summary>
    public sealed class ManagementFailureRulesTests
    {
        [Theory]
        [InlineData("NEW-mgmt-401-missing-new-api-user", ManagementFailure.UserIdMissing, "-UserId")]
        [InlineData("ONE-mgmt-200-access-token-invalid", ManagementFailure.AccessTokenInvalid, "-AccessToken")]
        public void Captured_refusals_name_their_cause(string fixtureId, ManagementFailure expected, string advised)
        {
            var fixture = CapturedFixture.ById(fixtureId);
            Assert.True(JsonLite.TryParse(fixture.WireBody, out var body));

            var failure = ManagementFailureRules.Classify(JsonLite.Text(body, "message"), JsonLite.Text(body, "code"), out var advice);

            Assert.Equal(expected, failure);
            Assert.Contains(advised, advice, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("无权进行此操作，New-Api-User 格式错误", ManagementFailure.UserIdInvalid)]
        [InlineData("无权进行此操作，New-Api-User 与登录用户不匹配", ManagementFailure.UserIdMismatch)]
        [InlineData("无权进行此操作，未登录且未提供 access token", ManagementFailure.AccessTokenMissing)]
        [InlineData("无权进行此操作，用户信息无效", ManagementFailure.AccessTokenInvalid)]
        [InlineData("用户已被封禁", ManagementFailure.UserDisabled)]
        [InlineData("无权进行此操作，权限不足", ManagementFailure.InsufficientRights)]
        [InlineData("已达到最大令牌数量限制 (5)", ManagementFailure.TokenLimitReached)]
        [InlineData("record not found", ManagementFailure.TokenNotFound)]
        [InlineData("Record Not Found", ManagementFailure.TokenNotFound)]
        [InlineData("令牌名称过长", ManagementFailure.Other)]
        [InlineData("", ManagementFailure.Other)]
        [InlineData(null, ManagementFailure.Other)]
        public void Messages_are_matched_in_part(string? message, ManagementFailure expected)
        {
            Assert.Equal(expected, ManagementFailureRules.Classify(message, null, out var advice));
            Assert.False(string.IsNullOrWhiteSpace(advice));
        }

        [Theory]
        [InlineData("AUTH_UNAUTHORIZED", ManagementFailure.AccessTokenInvalid)]
        [InlineData("AUTH_TOKEN_EXPIRED", ManagementFailure.AccessTokenInvalid)]
        [InlineData("AUTH_SESSION_REVOKED", ManagementFailure.AccessTokenInvalid)]
        [InlineData("AUTH_USER_INVALID", ManagementFailure.AccessTokenInvalid)]
        [InlineData("auth_user_disabled", ManagementFailure.UserDisabled)]
        [InlineData("AUTH_INSUFFICIENT_PRIVILEGE", ManagementFailure.InsufficientRights)]
        [InlineData("AUTH_SOMETHING_NEW", ManagementFailure.Other)]
        public void Recent_new_api_codes_name_the_cause_whatever_the_message(string code, ManagementFailure expected)
        {
            // new-api/current (relay-admin-api.md §1) sends an English, translatable message beside the code.
            Assert.Equal(expected, ManagementFailureRules.Classify("Unauthorized", code, out _));
        }

        [Fact]
        public void The_token_limit_advice_says_how_to_make_room()
        {
            ManagementFailureRules.Classify("已达到最大令牌数量限制 (5)", null, out var advice);

            Assert.Contains("delete a token", advice, StringComparison.Ordinal);
        }
    }
}
