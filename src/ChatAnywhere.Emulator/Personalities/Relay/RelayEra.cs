namespace ChatAnywhere.Emulator.Personalities.Relay
{
    /// <summary>Which relay release a mount stands for; the data plane's checks and UserAuth differ between them (relay-admin-api.md §1, §7).</summary>
    public enum RelayEra
    {
        /// <summary>songquanpeng/one-api 8df4a267.</summary>
        OneApi,

        /// <summary>Calcium-Ion/new-api ef8ae4db (2025-04): New-Api-User is required.</summary>
        NewApi2025,

        /// <summary>QuantumNous/new-api as read now: no New-Api-User, machine codes such as AUTH_UNAUTHORIZED.</summary>
        NewApiNow,
    }
}
