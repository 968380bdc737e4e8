namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// The words for one request larger than a whole per-minute token limit (OA-429-request-too-large-tpm): it comes as a
    /// rate limit, but no wait lets it through.
    /// </summary>
    internal static class RequestOverMinuteLimit
    {
        public static readonly string[] Diagnosis = { "This one request asks for more tokens than the key may use in a whole minute; the key itself works." };

        public static readonly string[] Recommendation = { "Send a smaller request (a shorter prompt, a lower max_tokens): waiting does not help. A higher usage tier raises the limit." };
    }
}
