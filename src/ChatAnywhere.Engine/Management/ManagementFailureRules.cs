using System;
using System.Collections.Generic;

namespace ChatAnywhere.Engine.Management
{
    /// <summary>
    /// Reads a refused management call: the relay's message (or, on recent new-api, its code)
    /// names the failure. Ordered: the first matching row wins. Messages are matched in part,
    /// because relays append details and operators translate them.
    /// </summary>
    internal static class ManagementFailureRules
    {
        private static readonly Rule[] Rules =
        {
            // NEW-mgmt-401-missing-new-api-user; relay-admin-api.md §1 (new-api/2025-04 middleware/auth.go).
            new Rule(ManagementFailure.UserIdMissing, new[] { "未提供 New-Api-User" }, null,
                "new-api needs the numeric id of the access token's owner in the New-Api-User header: pass -UserId (the id shown on the relay's personal settings page)."),
            new Rule(ManagementFailure.UserIdInvalid, new[] { "New-Api-User 格式错误" }, null,
                "Pass -UserId as the user's numeric id."),
            new Rule(ManagementFailure.UserIdMismatch, new[] { "New-Api-User 与登录用户不匹配" }, null,
                "-UserId must be the id of the user who owns the access token."),

            // relay-admin-api.md §1: one-api/new-api without a session or header (HTTP 401).
            new Rule(ManagementFailure.AccessTokenMissing, new[] { "未提供 access token" }, null,
                "Pass -AccessToken or set $env:CHATANYWHERE_ACCESS_TOKEN: the relay's management API needs the user's access token, not a relay key."),

            // ONE-mgmt-200-access-token-invalid (HTTP 200, success:false); new-api/current AUTH_* codes (relay-admin-api.md §1).
            new Rule(ManagementFailure.AccessTokenInvalid, new[] { "access token 无效", "用户信息无效" },
                new[] { "AUTH_UNAUTHORIZED", "AUTH_TOKEN_EXPIRED", "AUTH_SESSION_REVOKED", "AUTH_USER_INVALID" },
                "Generate a system access token in the relay's dashboard (personal settings) and pass it as -AccessToken; a relay key (sk-...) is not an access token."),
            new Rule(ManagementFailure.UserDisabled, new[] { "用户已被封禁" }, new[] { "AUTH_USER_DISABLED" },
                "The relay has disabled this user: ask the relay's administrator."),
            new Rule(ManagementFailure.InsufficientRights, new[] { "权限不足" }, new[] { "AUTH_INSUFFICIENT_PRIVILEGE" },
                "This user may not manage that token: use the access token of the token's owner."),

            // relay-admin-api.md §2, "Other limits": 已达到最大令牌数量限制 (%d), HTTP 200.
            new Rule(ManagementFailure.TokenLimitReached, new[] { "最大令牌数量" }, null,
                "The relay allows no more tokens for this user, and rotating needs room for one more: delete a token you no longer use, then run Reset-ApiKey again."),

            // gorm's ErrRecordNotFound, passed on by the token controllers (relay-admin-api.md §2, get).
            new Rule(ManagementFailure.TokenNotFound, new[] { "record not found" }, null,
                "Check the token id with the relay's dashboard, or choose the token by -ApiKey or -Name."),
        };

        /// <summary>Names the failure behind a refused call and what to do about it.</summary>
        public static ManagementFailure Classify(string? message, string? code, out string advice)
        {
            foreach (var rule in Rules)
            {
                if (rule.Matches(message, code))
                {
                    advice = rule.Advice;
                    return rule.Failure;
                }
            }

            advice = "Read the relay's message; the same call in the relay's dashboard shows whether the account can manage tokens.";
            return ManagementFailure.Other;
        }

        private sealed class Rule
        {
            private readonly IReadOnlyList<string> _messageParts;
            private readonly IReadOnlyList<string> _codes;

            public Rule(ManagementFailure failure, string[] messageParts, string[]? codes, string advice)
            {
                Failure = failure;
                _messageParts = messageParts;
                _codes = codes ?? Array.Empty<string>();
                Advice = advice;
            }

            public ManagementFailure Failure { get; }

            public string Advice { get; }

            public bool Matches(string? message, string? code)
            {
                foreach (var expected in _codes)
                {
                    if (string.Equals(code, expected, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                if (string.IsNullOrEmpty(message))
                {
                    return false;
                }

                foreach (var part in _messageParts)
                {
                    if (message!.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
