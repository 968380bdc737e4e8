using System.Collections.Generic;

namespace ChatAnywhere.Engine.Management
{
    /// <summary>One page of a relay's token list.</summary>
    internal sealed class TokenPage
    {
        /// <summary>Creates a page.</summary>
        public TokenPage(IReadOnlyList<RelayToken> tokens, int? total)
        {
            Tokens = tokens;
            Total = total;
        }

        /// <summary>The tokens on this page.</summary>
        public IReadOnlyList<RelayToken> Tokens { get; }

        /// <summary>How many tokens the user has in all, when the relay says (new-api/current); null otherwise.</summary>
        public int? Total { get; }

        /// <summary>True for new-api/current's paged answer, whose pages count from 1.</summary>
        public bool IsPaged => Total.HasValue;
    }
}
