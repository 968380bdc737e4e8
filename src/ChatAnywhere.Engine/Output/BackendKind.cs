namespace ChatAnywhere
{
    /// <summary>
    /// Which software answered, told from marks in the answer, then from the host
    /// (src/ChatAnywhere.Engine/Diagnosis/BackendFingerprinter.cs lists the marks and their evidence).
    /// </summary>
    public enum BackendKind
    {
        /// <summary>Nothing in the answer identified the software.</summary>
        Unknown = 0,

        /// <summary>ChatAnywhere's own (Spring-based) service.</summary>
        ChatAnywhere,

        /// <summary>OpenAI's API.</summary>
        OpenAI,

        /// <summary>A self-hosted one-api relay.</summary>
        OneApi,

        /// <summary>A self-hosted new-api relay.</summary>
        NewApi,

        /// <summary>A Cloudflare page (challenge, block or error) in front of the service.</summary>
        Cloudflare,

        /// <summary>Azure OpenAI (Azure AI services).</summary>
        AzureOpenAI,

        /// <summary>Anthropic's API.</summary>
        Anthropic,

        /// <summary>Google's Gemini API (generativelanguage.googleapis.com and its OpenAI-compatible endpoint).</summary>
        Google,

        /// <summary>DeepSeek's API.</summary>
        DeepSeek,

        /// <summary>Moonshot AI (Kimi).</summary>
        Moonshot,

        /// <summary>Zhipu AI (BigModel, Z.ai).</summary>
        Zhipu,

        /// <summary>Alibaba Cloud Model Studio (DashScope, Qwen).</summary>
        DashScope,

        /// <summary>SiliconFlow.</summary>
        SiliconFlow,

        /// <summary>OpenRouter (a router that passes its providers' answers on).</summary>
        OpenRouter,

        /// <summary>Groq.</summary>
        Groq,

        /// <summary>xAI (Grok).</summary>
        XAI,

        /// <summary>Mistral AI.</summary>
        Mistral,

        /// <summary>An API gateway in front of the service (Kong, AWS API Gateway, Azure API Management, Apigee, LiteLLM).</summary>
        ApiGateway,

        /// <summary>A web application firewall (Akamai, AWS WAF, F5, Sucuri, Imperva, ModSecurity...).</summary>
        Waf,

        /// <summary>A filtering proxy on the client's network (Squid, Zscaler, FortiGate, Palo Alto...).</summary>
        FilteringProxy,

        /// <summary>A web server or load balancer's own page (nginx, Apache, HAProxy, Envoy, a cloud load balancer).</summary>
        WebServer,
    }
}
