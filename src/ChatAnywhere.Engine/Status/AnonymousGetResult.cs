using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Http;

namespace ChatAnywhere.Engine.Status
{
    /// <summary>The answer to an <see cref="AnonymousGet"/>, or the classified failure to get one.</summary>
    internal sealed class AnonymousGetResult
    {
        /// <summary>Creates a result: exactly one of the two is set.</summary>
        public AnonymousGetResult(ProbeResponse? response, Classification? failure)
        {
            Response = response;
            Failure = failure;
        }

        /// <summary>The answer; null when none arrived.</summary>
        public ProbeResponse? Response { get; }

        /// <summary>Why no answer arrived (Reason and Message); null when one did.</summary>
        public Classification? Failure { get; }

        /// <summary>A few words on what came back, for Detail and Verbose.</summary>
        public string Describe() => Response is { } response
            ? $"{response.StatusCode}{(response.ContentType is null ? string.Empty : " " + response.ContentType)}"
            : $"{Failure?.Reason}: {Failure?.Message}";
    }
}
