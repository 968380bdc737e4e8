namespace ChatAnywhere.Emulator.Personalities.Relay
{
    /// <summary>What the data plane's TokenAuth decides about a presented key (relay-admin-api.md §3).</summary>
    public enum RelayTokenVerdict
    {
        Accepted,

        /// <summary>Unknown, deleted (past the revocation cache) or not yet replicated: 无效的令牌.</summary>
        Invalid,

        /// <summary>Status not enabled: 该令牌状态不可用.</summary>
        Disabled,

        /// <summary>Status 3 or past expired_time: 该令牌已过期.</summary>
        Expired,

        /// <summary>Status 4, or limited with no quota left: 该令牌额度已用尽.</summary>
        Exhausted,
    }
}
