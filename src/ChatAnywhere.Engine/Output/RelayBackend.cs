namespace ChatAnywhere
{
    /// <summary>The key-management API Reset-ApiKey talks to (-Backend).</summary>
    public enum RelayBackend
    {
        /// <summary>Decide from the relay's GET /api/status and the shapes of its answers.</summary>
        Auto = 0,

        /// <summary>A self-hosted one-api relay (songquanpeng/one-api).</summary>
        OneApi,

        /// <summary>A self-hosted new-api relay (QuantumNous/new-api, formerly Calcium-Ion/new-api).</summary>
        NewApi,

        /// <summary>ChatAnywhere's hosted service, which offers no key regeneration.</summary>
        ChatAnywhere,
    }
}
