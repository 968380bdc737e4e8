namespace ChatAnywhere.Emulator.Personalities.Relay
{
    /// <summary>
    /// What a create or full update sets on a token (relay-admin-api.md §2, "Request fields"); Go's zero
    /// values stand for fields the request leaves out, as the relays' JSON binding gives them.
    /// </summary>
    /// <param name="Models">one-api "models" (null allowed) or new-api "model_limits".</param>
    /// <param name="ModelLimitsEnabled">new-api's switch; for one-api, whether "models" is non-empty.</param>
    /// <param name="AllowIps">one-api "subnet" or new-api "allow_ips".</param>
    /// <param name="Group">new-api's token group; one-api has none.</param>
    public sealed record RelayTokenSettings(
        string Name,
        long ExpiredTime,
        long RemainQuota,
        bool UnlimitedQuota,
        string? Models,
        bool ModelLimitsEnabled,
        string? AllowIps,
        string? Group)
    {
        /// <summary>The model whitelist the data plane applies; null: any model.</summary>
        public string? ModelLimit => ModelLimitsEnabled && !string.IsNullOrEmpty(Models) ? Models : null;
    }
}
