namespace ChatAnywhere
{
    /// <summary>Whether the community reports (the service's GitHub issues) could be read.</summary>
    public enum CommunityStatus
    {
        /// <summary>Not asked for: -NoCommunity, or no ChatAnywhere host among the endpoints and no -CommunityUri.</summary>
        Skipped = 0,

        /// <summary>The issues were read.</summary>
        Read,

        /// <summary>GitHub's rate limit for this address (or token) is used up; try later or set $env:GITHUB_TOKEN.</summary>
        RateLimited,

        /// <summary>The issues could not be read (network, an unexpected answer).</summary>
        Unavailable,
    }
}
