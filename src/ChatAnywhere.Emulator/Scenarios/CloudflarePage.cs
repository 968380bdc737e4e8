using System.Text.Json.Serialization;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>The Cloudflare pages a <c>cloudflare</c> fault can show.</summary>
    public enum CloudflarePage
    {
        /// <summary>502 page, title from fixture CF-502-bad-gateway.</summary>
        [JsonStringEnumMemberName("badGateway")]
        BadGateway,

        /// <summary>403 "Just a moment..." page, from fixture CF-challenge-html-prefix.</summary>
        [JsonStringEnumMemberName("challenge")]
        Challenge,

        /// <summary>403 block page, text from fixture CF-blocked-page.</summary>
        [JsonStringEnumMemberName("blocked")]
        Blocked,
    }
}
