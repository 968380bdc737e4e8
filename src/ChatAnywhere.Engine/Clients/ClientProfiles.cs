namespace ChatAnywhere.Engine.Clients
{
    /// <summary>
    /// The clients Get-ApiKeyEnvironment knows, in the order it reports them. Every fact is a row of
    /// docs/client-environment.md, where the source line of each client is cited.
    /// </summary>
    internal static class ClientProfiles
    {
        public const string OpenAIDefault = "https://api.openai.com/v1";

        private static readonly string[] OpenAIKey = { "OPENAI_API_KEY" };

        public static readonly ClientProfile[] All =
        {
            // 1.3 added OPENAI_BASE_URL; OPENAI_API_BASE is not read.
            new ClientProfile("openai-python 1.3+", OpenAIKey, new[] { "OPENAI_BASE_URL" }, OpenAIDefault, addsV1: false, trimsValues: false),

            // 0.x reads OPENAI_API_BASE only.
            new ClientProfile("openai-python 0.x", OpenAIKey, new[] { "OPENAI_API_BASE" }, OpenAIDefault, addsV1: false, trimsValues: false),

            // openai-node trims what it reads from the environment.
            new ClientProfile("openai-node", OpenAIKey, new[] { "OPENAI_BASE_URL" }, OpenAIDefault, addsV1: false, trimsValues: true),

            // langchain-openai reads OPENAI_API_BASE itself, else openai-python reads OPENAI_BASE_URL.
            new ClientProfile("LangChain (Python)", OpenAIKey, new[] { "OPENAI_API_BASE", "OPENAI_BASE_URL" }, OpenAIDefault, addsV1: false, trimsValues: false),

            // @langchain/openai up to 1.5.5 passes nothing, so openai-node reads OPENAI_BASE_URL (1.5.6 reads both).
            new ClientProfile("LangChain.js", OpenAIKey, new[] { "OPENAI_BASE_URL" }, OpenAIDefault, addsV1: false, trimsValues: false),

            // LlamaIndex always hands openai-python a base URL: OPENAI_BASE_URL never counts.
            new ClientProfile("LlamaIndex", OpenAIKey, new[] { "OPENAI_API_BASE" }, OpenAIDefault, addsV1: false, trimsValues: false),

            // The library reads no variable; its samples read OPENAI_API_KEY and keep the default endpoint.
            new ClientProfile("OpenAI .NET", OpenAIKey, new string[0], OpenAIDefault, addsV1: false, trimsValues: false),

            // PSOpenAI reads $global:OPENAI_API_KEY / OPENAI_API_BASE before the environment.
            new ClientProfile("PSOpenAI", OpenAIKey, new[] { "OPENAI_API_BASE" }, OpenAIDefault, addsV1: false, trimsValues: false,
                sessionVariables: new[] { "OPENAI_API_KEY", "OPENAI_API_BASE" }),

            // This module: src/ChatAnywhere.Engine/Endpoints/EnvironmentDefaults.cs.
            new ClientProfile("ChatAnywhere (this module)", new[] { "CHATANYWHERE_API_KEY", "OPENAI_API_KEY" },
                new[] { "CHATANYWHERE_BASE_URL", "OPENAI_BASE_URL", "OPENAI_API_BASE" }, "https://api.chatanywhere.tech", addsV1: true, trimsValues: false,
                readsParameterDefaults: true),
        };

        /// <summary>The names under which this module's cmdlets take a key and a base URL from $PSDefaultParameterValues.</summary>
        public const string DefaultApiKey = "ApiKey";

        public const string DefaultBaseUri = "BaseUri";

        /// <summary>Every base URL variable any client reads, to tell which ones a client ignores.</summary>
        public static readonly string[] BaseUriVariables = { "CHATANYWHERE_BASE_URL", "OPENAI_BASE_URL", "OPENAI_API_BASE" };
    }
}
