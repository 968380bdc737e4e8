namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// The texts for a provider's own daily token or request cap (Groq's and Moonshot's TPD), which
    /// resets on the provider's clock, not at ChatAnywhere's 00:00 Asia/Shanghai.
    /// </summary>
    internal static class ProviderDailyCap
    {
        public static readonly string[] Diagnosis = { "The key's daily token or request cap at this provider is used up." };

        public static readonly string[] Recommendation = { "Wait until the provider's day resets ({RetryAfter}, when the server says), or raise the limit with the provider." };
    }
}
