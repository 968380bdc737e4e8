using System;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Keys;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>An answer and its context, with the questions the diagnosis rules ask of it.</summary>
    public sealed class ResponseFacts
    {
        private readonly string _haystack;

        /// <summary>Gathers the facts of one answer.</summary>
        public ResponseFacts(ProbeResponse response, ProbeContext context)
        {
            Response = response ?? throw new ArgumentNullException(nameof(response));
            Context = context ?? throw new ArgumentNullException(nameof(context));
            IsHtml = (response.ContentType?.IndexOf("html", StringComparison.OrdinalIgnoreCase) ?? -1) >= 0 ||
                     ErrorEnvelopeReader.LooksLikeHtml(response.Body);
            Envelope = ErrorEnvelopeReader.Read(response.Body, IsHtml);
            _haystack = (Envelope.Message ?? string.Empty) + "\n" + response.Body;
            Backend = BackendFingerprinter.Identify(this);
        }

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

        /// <summary>True when the body is empty or only whitespace.</summary>
        public bool BodyIsEmpty => string.IsNullOrWhiteSpace(Response.Body);

        /// <summary>The key is one of OpenAI's shapes.</summary>
        public bool KeyIsOpenAI => Context.KeyShape.IsOpenAI();

        /// <summary>The request went to a ChatAnywhere host.</summary>
        public bool SentToChatAnywhere => Context.EndpointKind == EndpointKind.ChatAnywhere;

        /// <summary>
        /// Only a 401, or an error carried in a 200, may prove a key invalid: a 403 never does, nor
        /// does a transient fault (FavsHub verdict rules, reference/anchors-keycheck.md).
        /// </summary>
        public bool MayProveKeyInvalid => Status == 401 || (Status == 200 && Envelope.HasError);

        /// <summary>True when the message or body contains any of <paramref name="phrases"/> (case-insensitive).</summary>
        public bool Says(params string[] phrases)
        {
            foreach (var phrase in phrases)
            {
                if (_haystack.IndexOf(phrase, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
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
