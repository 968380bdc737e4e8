namespace ChatAnywhere.Emulator.Personalities.Relay
{
    /// <summary>Which relay's token API a mount speaks (relay-admin-api.md §1, §2).</summary>
    public enum RelayDialect
    {
        /// <summary>Fields models/subnet; search by name prefix; create answers the token with its key; New-Api-User ignored.</summary>
        OneApi,

        /// <summary>Fields model_limits_enabled/model_limits/allow_ips/group; search by name and key; create answers without data; New-Api-User checked; token cap.</summary>
        NewApi,
    }
}
