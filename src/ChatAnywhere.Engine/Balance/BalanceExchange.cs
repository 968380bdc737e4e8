using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Http;

namespace ChatAnywhere.Engine.Balance
{
    /// <summary>One balance request and what came of it: the answer (when one arrived) and the classifier's reading of it.</summary>
    internal sealed class BalanceExchange
    {
        /// <summary>Creates an exchange.</summary>
        public BalanceExchange(string source, ProbeResponse? response, Classification classification)
        {
            Source = source;
            Response = response;
            Classification = classification;
        }

        /// <summary>Method and path, as ApiKeyBalance.Source shows it ("POST /v1/query/balance").</summary>
        public string Source { get; }

        /// <summary>The last answer; null when none arrived.</summary>
        public ProbeResponse? Response { get; }

        /// <summary>What the shared classifier made of the answer (or of the failure to get one).</summary>
        public Classification Classification { get; }

        /// <summary>True for a 200 the classifier calls Valid: its body is the reader's to interpret.</summary>
        public bool Answered => Response is not null && Response.StatusCode == 200 && Classification.Verdict == KeyVerdict.Valid;

        /// <summary>True when the route is not there (404, an unknown-route answer, a redirect): another route may serve.</summary>
        public bool RouteMissing => Classification.Verdict == KeyVerdict.WrongEndpoint ||
            (Response is not null && (Response.StatusCode == 404 || Response.StatusCode == 405));
    }
}
