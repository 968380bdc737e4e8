using System;
using ChatAnywhere.Emulator.Scenarios;

namespace ChatAnywhere.Emulator.Personalities.Relay
{
    /// <summary>
    /// The data plane's token check, in the order of one-api's ValidateUserToken (relay-admin-api.md §3),
    /// with the delays of §5: a disabled or deleted token is still served from the cache for
    /// revocationCacheSec, a new one is unknown for newTokenDelaySec.
    /// </summary>
    public static class RelayTokenCheck
    {
        public static RelayTokenVerdict Check(RelayToken? token, RelayDefinition? relay, DateTimeOffset now)
        {
            if (token is null || relay is null)
            {
                return RelayTokenVerdict.Invalid;
            }

            TimeSpan cache = TimeSpan.FromSeconds(relay.RevocationCacheSec);
            if (token.DeletedAt is { } deleted && now - deleted >= cache)
            {
                return RelayTokenVerdict.Invalid;
            }

            if (token.CreatedThroughApi && now - token.CreatedAt < TimeSpan.FromSeconds(relay.NewTokenDelaySec))
            {
                return RelayTokenVerdict.Invalid;
            }

            // The cache still holds the token as it was before it was disabled: enabled.
            bool cachedEnabled = token.DisabledAt is { } disabled && now - disabled < cache;
            int status = cachedEnabled ? 1 : token.Status;
            RelayTokenSettings settings = token.Settings;
            return status switch
            {
                4 => RelayTokenVerdict.Exhausted,
                3 => RelayTokenVerdict.Expired,
                not 1 => RelayTokenVerdict.Disabled,
                _ when settings.ExpiredTime != -1 && settings.ExpiredTime < now.ToUnixTimeSeconds() => RelayTokenVerdict.Expired,
                _ when !settings.UnlimitedQuota && settings.RemainQuota <= 0 => RelayTokenVerdict.Exhausted,
                _ => RelayTokenVerdict.Accepted,
            };
        }
    }
}
