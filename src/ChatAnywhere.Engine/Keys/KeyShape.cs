namespace ChatAnywhere.Engine.Keys
{
    /// <summary>The family a key belongs to, judged from its text alone.</summary>
    public enum KeyShape
    {
        /// <summary>No known shape.</summary>
        Other = 0,

        /// <summary>sk- and 48 letters and digits: ChatAnywhere, one-api and new-api keys.</summary>
        Relay,

        /// <summary>Legacy OpenAI key: sk- and 48 characters containing T3BlbkFJ.</summary>
        OpenAILegacy,

        /// <summary>OpenAI project key (sk-proj-...).</summary>
        OpenAIProject,

        /// <summary>OpenAI service-account key (sk-svcacct-...).</summary>
        OpenAIServiceAccount,

        /// <summary>OpenAI admin key (sk-admin-...).</summary>
        OpenAIAdmin,
    }
}
