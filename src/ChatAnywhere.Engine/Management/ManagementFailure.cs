namespace ChatAnywhere.Engine.Management
{
    /// <summary>Why a call to a relay's management API (/api/token) failed.</summary>
    public enum ManagementFailure
    {
        /// <summary>The relay's message matched none of the known ones.</summary>
        Other = 0,

        /// <summary>No access token reached the relay.</summary>
        AccessTokenMissing,

        /// <summary>The relay does not know the access token (or it expired or was revoked).</summary>
        AccessTokenInvalid,

        /// <summary>new-api wants the New-Api-User header (-UserId).</summary>
        UserIdMissing,

        /// <summary>The New-Api-User header is not a number.</summary>
        UserIdInvalid,

        /// <summary>-UserId is not the id of the access token's owner.</summary>
        UserIdMismatch,

        /// <summary>The relay has disabled (banned) the user.</summary>
        UserDisabled,

        /// <summary>The user may not do this.</summary>
        InsufficientRights,

        /// <summary>The user has as many tokens as the relay allows.</summary>
        TokenLimitReached,

        /// <summary>No such token for this user.</summary>
        TokenNotFound,

        /// <summary>The answer is not the relay's JSON envelope (an HTML page, a proxy's error, a bare 404).</summary>
        UnexpectedAnswer,

        /// <summary>No answer: the connection failed or timed out.</summary>
        NoAnswer,
    }
}
