namespace ChatAnywhere.Engine.Endpoints
{
    /// <summary>Who a base URL belongs to, from its host name.</summary>
    public enum EndpointKind
    {
        /// <summary>Any other host: a self-hosted relay or another service.</summary>
        Other = 0,

        /// <summary>One of ChatAnywhere's API hosts.</summary>
        ChatAnywhere,

        /// <summary>OpenAI's API host.</summary>
        OpenAI,

        /// <summary>This machine (the emulator, a local relay).</summary>
        Loopback,
    }
}
