using System;
using System.Text.RegularExpressions;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Json;
using ChatAnywhere.Engine.Keys;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>An answer and its context, with the questions the diagnosis rules ask of it.</summary>
    internal sealed class ResponseFacts
    {
        // Cloudflare's 1xxx refusals; 1015 (rate limit) and the origin failures (1016, 1033, 1101, 1102) have rows of their own first.
        private static readonly Regex CloudflareRefusal = new Regex(@"error (code:? ?|reference number:? ?)?10(0[0-9]|1[0-2]|20)\b", RegexOptions.CultureInvariant);

        private readonly FoldedText _text;

        /// <summary>Gathers the facts of one answer.</summary>
        public ResponseFacts(ProbeResponse response, ProbeContext context)
        {
            Response = response ?? throw new ArgumentNullException(nameof(response));
            Context = context ?? throw new ArgumentNullException(nameof(context));
            IsHtml = (response.ContentType?.IndexOf("html", StringComparison.OrdinalIgnoreCase) ?? -1) >= 0 ||
                     ErrorEnvelopeReader.LooksLikeHtml(response.Body);
            // The body is parsed once; both readers walk the same tree.
            if (!IsHtml && JsonLite.TryParse(response.Body, out var root))
            {
                Envelope = ErrorEnvelopeReader.FromJson(root);
                Fields = AnswerFields.FromJson(root);
            }
            else
            {
                Envelope = ErrorEnvelopeReader.Read(response.Body, IsHtml);
                Fields = IsHtml ? AnswerFields.None : AnswerFields.FromText(response.Body);
            }

            _text = new FoldedText(TextFolding.Fold(Haystack(response.Body, Envelope, Fields)));
            Backend = BackendFingerprinter.Identify(this);
        }

        /// <summary>The structured codes and messages found anywhere in the body.</summary>
        public AnswerFields Fields { get; }

        /// <summary>The answer.</summary>
        public ProbeResponse Response { get; }

        /// <summary>Where it came from and for which key.</summary>
        public ProbeContext Context { get; }

        /// <summary>The error fields found in the body.</summary>
        public ErrorEnvelope Envelope { get; }

        /// <summary>Which software answered.</summary>
        public BackendKind Backend { get; }

        /// <summary>The HTTP status.</summary>
        public int Status => Response.StatusCode;

        /// <summary>True for an HTML page.</summary>
        public bool IsHtml { get; }

        /// <summary>True when the body is JSON (itself, or inside a client's rendering of it).</summary>
        public bool IsJson => Envelope.IsJson || Fields.FoundJson;

        /// <summary>
        /// True for a web page or a line of plain text: what a front end (Cloudflare, a WAF, a proxy,
        /// a web server) sends, never the API's own JSON.
        /// </summary>
        public bool IsPage => !IsJson && !BodyIsEmpty;

        /// <summary>
        /// True when a relay answered and may be passing on its upstream's words: one-api / new-api's
        /// "(request id: ...)" suffix and error types, their headers, or ChatAnywhere's marks
        /// (ONE-group-saturated-billing-2023, ONE-401-upstream-invalid-key-passthrough).
        /// </summary>
        public bool ViaRelay =>
            Backend == BackendKind.OneApi || Backend == BackendKind.NewApi || Backend == BackendKind.ChatAnywhere ||
            Says("(request id:") || HasCode("one_api_error", "new_api_error", "upstream_error");

        /// <summary>True when the answer is OpenAI's own: its words point at platform.openai.com, or it came from api.openai.com.</summary>
        public bool AnsweredByOpenAI => Backend == BackendKind.OpenAI || Context.EndpointKind == EndpointKind.OpenAI || Says("platform.openai.com");

        /// <summary>
        /// True when a page names one of Cloudflare's numbered refusals (1003-1012, 1020...):
        /// `error code: 1010` as plain text or "Error 1020" on the page (CF-403-1010-plain-text).
        /// </summary>
        public bool SaysCloudflareErrorCode => CloudflareRefusal.IsMatch(_text.Value);

        /// <summary>True when header <paramref name="name"/> is present and contains <paramref name="value"/> (case-insensitive).</summary>
        public bool HeaderHas(string name, string value) =>
            (Response.Header(name)?.IndexOf(value, StringComparison.OrdinalIgnoreCase) ?? -1) >= 0;

        /// <summary>True when the status is one of <paramref name="statuses"/>.</summary>
        public bool StatusIs(params int[] statuses) => Array.IndexOf(statuses, Status) >= 0;

        /// <summary>True when the body is empty or only whitespace.</summary>
        public bool BodyIsEmpty => string.IsNullOrWhiteSpace(Response.Body);

        /// <summary>The key is one of OpenAI's shapes.</summary>
        public bool KeyIsOpenAI => Context.KeyShape.IsOpenAI();

        /// <summary>The request went to a ChatAnywhere host.</summary>
        public bool SentToChatAnywhere => Context.EndpointKind == EndpointKind.ChatAnywhere;

        /// <summary>
        /// Only a 401, a 400 (Google and xAI send their invalid-key answers as 400:
        /// GEM-400-api-key-invalid-debuginfo, XAI-400-incorrect-api-key-message), or an error carried in
        /// a 200 may prove a key invalid: a 402, 403, 429 or 5xx never does, nor does a transient fault
        /// (FavsHub verdict rules, docs/reference/anchors-keycheck.md).
        /// </summary>
        public bool MayProveKeyInvalid => Status == 401 || Status == 400 || (Status == 200 && Envelope.HasError);

        /// <summary>
        /// True when the message or body contains any of <paramref name="phrases"/>, both folded
        /// (case, full-width forms, quotes, URL-encoding, white space: <see cref="TextFolding"/>).
        /// </summary>
        public bool Says(params string[] phrases)
        {
            foreach (var phrase in phrases)
            {
                if (_text.Contains(FoldedPhrases.Of(phrase)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when any code, type, status or reason in the body equals one of <paramref name="codes"/>.</summary>
        public bool HasCode(params string[] codes) => Fields.HasCode(codes);

        // Keeps a phrase from matching across two messages, and is not white space to fold.
        private const char Separator = '\u0001';

        // The text phrases are looked for in: every message and code, and, where the body is not JSON,
        // the body itself (a page's text, plain text, or JSON cut short).
        private static string Haystack(string body, ErrorEnvelope envelope, AnswerFields fields)
        {
            var text = new System.Text.StringBuilder();
            if (envelope.IsJson && fields.FoundJson)
            {
                // The envelope's message is one of the fields' messages.
                body = string.Empty;
            }
            else
            {
                text.Append(envelope.Message).Append(Separator);
            }

            foreach (var message in fields.Messages)
            {
                text.Append(message).Append(Separator);
            }

            foreach (var code in fields.Codes)
            {
                text.Append(code).Append(Separator);
            }

            text.Append(body);
            return text.ToString();
        }

        /// <summary>True when error.code or error.type equals any of <paramref name="values"/>.</summary>
        public bool CodeOrTypeIs(params string[] values)
        {
            foreach (var value in values)
            {
                if (string.Equals(Envelope.Code, value, StringComparison.OrdinalIgnoreCase) ||
                    string.Equals(Envelope.Type, value, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
