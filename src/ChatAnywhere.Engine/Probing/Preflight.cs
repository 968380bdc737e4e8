using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Keys;

namespace ChatAnywhere.Engine.Probing
{
    /// <summary>
    /// Verdicts reached before anything is sent: a key that cannot be a key, and a relay key
    /// about to go to api.openai.com (a third party the key does not belong to).
    /// </summary>
    internal static class Preflight
    {
        /// <summary>A verdict that makes sending pointless or harmful, or null to go ahead.</summary>
        public static Classification? Check(KeyInspection key, ServiceEndpoint endpoint)
        {
            if (key.IsMalformed)
            {
                return new Classification
                {
                    Verdict = KeyVerdict.MalformedKey,
                    Reason = key.Problem,
                    Message = DescribeProblem(key.Problem),
                    Diagnosis = new[] { DescribeProblem(key.Problem), "Nothing was sent: no server accepts such a key, and the header could not carry it." },
                    Recommendation = new[]
                    {
                        key.Problem == VerdictReason.MaskedCopy
                            ? "Use the full key from the dashboard or your secret store; the Key column of this module's output is masked on purpose and cannot be tested again."
                            : "Copy the key again from the dashboard, as plain text, and paste it without editing.",
                    },
                    RuleName = "Preflight: malformed key",
                };
            }

            // The service's front end answers a key without sk- with an HTML 401 (CA-401-tengine-missing-sk).
            if (endpoint.Kind == EndpointKind.ChatAnywhere && !key.CleanedKey.StartsWith("sk-", System.StringComparison.Ordinal))
            {
                return new Classification
                {
                    Verdict = KeyVerdict.MalformedKey,
                    Reason = VerdictReason.KeyMissingPrefix,
                    Diagnosis = new[] { "ChatAnywhere keys start with sk-; this one does not, so part of it was lost in copying.", "Nothing was sent." },
                    Recommendation = new[] { "Copy the whole key, sk- included, from the ChatAnywhere dashboard." },
                    RuleName = "Preflight: missing sk- prefix",
                };
            }

            // The most common cause of "Incorrect API key provided" (OA-401-incorrect-key-ca-key-2023,
            // https://github.com/chatanywhere/GPT_API_free/issues/302): say so without handing the key to OpenAI.
            if (endpoint.Kind == EndpointKind.OpenAI && !key.Shape.IsOpenAI())
            {
                return new Classification
                {
                    Verdict = KeyVerdict.WrongEndpoint,
                    Reason = VerdictReason.RelayKeySentToOpenAI,
                    Backend = BackendKind.OpenAI,
                    Diagnosis = new[]
                    {
                        "The base URL is api.openai.com, but this is not an OpenAI key: it is a ChatAnywhere or relay key, and OpenAI would answer 'Incorrect API key provided'.",
                        "The key was not sent to OpenAI.",
                    },
                    Recommendation = new[] { $"Set the base URL to {KnownHosts.DefaultBaseUri} (or {KnownHosts.OverseasBaseUri}): -BaseUri, $env:CHATANYWHERE_BASE_URL, or $env:OPENAI_BASE_URL for other tools." },
                    RuleName = "Preflight: relay key to OpenAI",
                };
            }

            return null;
        }

        /// <summary>What is wrong with a malformed key, in a sentence an admin can act on.</summary>
        public static string DescribeProblem(VerdictReason problem) => problem switch
        {
            VerdictReason.KeyHasInnerWhitespace => "The key has a space or line break inside it.",
            VerdictReason.KeyHasControlCharacter => "The key has a control character inside it.",
            VerdictReason.KeyHasInvisibleCharacter => "The key has an invisible (zero-width) character, typically picked up when copying from a chat or web page.",
            VerdictReason.KeyHasFullWidthCharacter => "The key has full-width characters, typed with an East Asian input method in full-width mode.",
            VerdictReason.MaskedCopy => "The key is a masked copy (its middle replaced by ****), as this module and dashboards show keys, not the key itself.",
            _ => "The key has characters outside ASCII.",
        };
    }
}
