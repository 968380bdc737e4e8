namespace ChatAnywhere
{
    /// <summary>Which software answered, told from fingerprints in the response.</summary>
    public enum BackendKind
    {
        /// <summary>Nothing in the answer identified the software.</summary>
        Unknown = 0,

        /// <summary>ChatAnywhere's own (Spring-based) service.</summary>
        ChatAnywhere,

        /// <summary>OpenAI's API.</summary>
        OpenAI,

        /// <summary>A self-hosted one-api relay.</summary>
        OneApi,

        /// <summary>A self-hosted new-api relay.</summary>
        NewApi,

        /// <summary>A Cloudflare page (challenge, block or error) in front of the service.</summary>
        Cloudflare,
    }
}
