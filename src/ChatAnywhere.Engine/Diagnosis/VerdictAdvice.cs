using System.Collections.Generic;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// What the admin reads for each reason: the likely causes, then the next steps. Rows of the
    /// diagnosis tables use these unless they say something of their own. Placeholders in braces are
    /// filled by <see cref="ResponseClassifier"/>.
    /// </summary>
    internal static class VerdictAdvice
    {
        private static readonly string[] CheckStatus = { "Check {StatusPage} and try again later (Get-ServiceStatus)." };
        private static readonly string[] Nothing = new string[0];

        private static readonly Dictionary<VerdictReason, Advice> ByReason = new Dictionary<VerdictReason, Advice>
        {
            [VerdictReason.None] = new Advice(Nothing, Nothing),
            [VerdictReason.KeyRejected] = new Advice(
                new[] { "{Backend} does not know this key: mistyped, revoked or deleted.", "A key that was just issued may not be active everywhere yet." },
                new[] { "Copy the key again from where it was issued.", "If the key is new, wait for it: Wait-KeyActivation." }),
            [VerdictReason.TokenExpired] = new Advice(
                new[] { "The key or token has expired." },
                new[] { "Renew the key, or extend the token's expiry in the relay's console (Reset-ApiKey rotates it)." }),
            [VerdictReason.AccountDeactivated] = new Advice(
                new[] { "The account behind the key was deactivated." },
                new[] { "Contact the provider, or use a key of an active account." }),
            [VerdictReason.UnrecognisedRefusal] = new Advice(
                new[] { "The server refused the key (401) in words this module does not know; most such answers mean a wrong or revoked key." },
                new[] { "Read the Message; copy the key again from where it was issued." }),
            [VerdictReason.RelayKeySentToOpenAI] = new Advice(
                new[] { "This is OpenAI's answer, not ChatAnywhere's: the request went to api.openai.com (or a relay that forwards there), so the base URL was never changed.", "ChatAnywhere's own wrong-key answer reads 'ApiKey错误 / wrong api key'." },
                new[] { "Set the base URL to {DefaultBaseUri} (or {OverseasBaseUri}): -BaseUri, or $env:OPENAI_BASE_URL / $env:OPENAI_API_BASE for other tools.", "Then test again: Test-ApiKey -BaseUri {DefaultBaseUri}." }),
            [VerdictReason.Redirected] = new Advice(
                new[] { "The server at {BaseUri} answered {Status} and redirects to {Location}; the key was not sent there.", "The base URL probably points at a web page or an old host, not at the API." },
                new[] { "Set the base URL to the API itself, e.g. {DefaultBaseUri} (-BaseUri or $env:CHATANYWHERE_BASE_URL)." }),
            [VerdictReason.WrongPath] = new Advice(
                new[] { "There is no API at this path of {BaseUri}: the base URL has an extra or missing path segment, or points at another service." },
                new[] { "Use the API root as the base URL, e.g. {DefaultBaseUri} (with or without /v1)." }),
            [VerdictReason.StatusPageNotFound] = new Advice(
                new[] { "An Uptime Kuma status page answered: this URL is a status page, not the API, and the page slug does not exist." },
                new[] { "Point -BaseUri at the API host, e.g. {DefaultBaseUri}." }),
            [VerdictReason.NoKeyReceived] = new Advice(
                new[] { "The server received no key: a proxy or gateway between here and {BaseUri} removed the Authorization header, or it wants the key in another header." },
                new[] { "Test without the proxy (-NoProxy) or check what the gateway forwards." }),
            [VerdictReason.AuthHeaderMalformed] = new Advice(
                new[] { "The web front end refused the Authorization header before the API saw it: a key without its sk- prefix, or a key in the wrong header." },
                new[] { "Send the whole key, sk- included, as 'Authorization: Bearer sk-...'." }),
            [VerdictReason.ManagementAuthHeader] = new Advice(
                new[] { "A new-api management route wants the New-Api-User header; this is not a data-plane answer about the key." },
                new[] { "Point -BaseUri at the relay's API root, not a management path." }),
            [VerdictReason.ContextLengthExceeded] = new Advice(
                new[] { "The request is longer than the model's context; the key works." },
                new[] { "Shorten the prompt or the conversation history." }),
            [VerdictReason.PayloadTooLarge] = new Advice(
                new[] { "The request body is larger than the server (or a proxy in front of it) accepts; the key was not judged." },
                new[] { "Send a smaller request, or raise the front end's body limit (nginx client_max_body_size)." }),
            [VerdictReason.OrganizationMismatch] = new Advice(
                new[] { "The organization or project named in the request does not match the key's." },
                new[] { "Remove the OpenAI-Organization / OpenAI-Project setting, or use a key of that organization." }),
            [VerdictReason.EndpointNotImplemented] = new Advice(
                new[] { "The relay knows this path but does not serve it." },
                new[] { "Use /v1/chat/completions or /v1/models, or a relay version that implements the path." }),
            [VerdictReason.ContentPolicy] = new Advice(
                new[] { "The request was refused by a content policy; the key works." },
                new[] { "Change the prompt." }),
            [VerdictReason.BadRequest] = new Advice(
                new[] { "The server could not read the request." },
                new[] { "Report this with -Debug output: the probe request itself was refused." }),
            [VerdictReason.DailyLimit] = new Advice(
                new[] { "The free tier's 200 requests a day are used up. They are counted per key and per IP address: every key used from this IP (a shared office, VPN, Vercel or Cloudflare Workers egress) shares them." },
                new[] { "The daily limit resets at {DailyReset}.", "Do not retry before then; a paid key has no daily cap." }),
            [VerdictReason.DailyLimitPerModel] = new Advice(
                new[] { "The free tier allows only a few requests a day for this model, per key and per IP address." },
                new[] { "The daily limit resets at {DailyReset}.", "Use another model, or a paid key." }),
            [VerdictReason.RequestRateLimit] = new Advice(
                new[] { "Too many requests or tokens in a short time.", "On ChatAnywhere's free tier, also the daily limit shared by every key used from this IP address." },
                new[] { "Wait {RetryAfter} and try again, with fewer keys at once (-ThrottleLimit)." }),
            [VerdictReason.UpstreamSaturated] = new Advice(
                new[] { "The relay's upstream is saturated; this is not about the key." },
                new[] { "Try again in a few minutes." }),
            [VerdictReason.FreeTierModel] = new Advice(
                new[] { "The key works, but the free tier does not include this model or path ({Model}).", "A URL missing /chat (the legacy /v1/completions path) gets the same answer." },
                new[] { "Use a model from the free list (the message names them) at /v1/chat/completions, or a paid key." }),
            [VerdictReason.NoChannelForModel] = new Advice(
                new[] { "The relay has no upstream channel for {Model} in the token's group; the key itself is fine." },
                new[] { "Use a model the relay serves, or ask its operator to add a channel." }),
            [VerdictReason.ModelNotGranted] = new Advice(
                new[] { "The key may not use {Model}." },
                new[] { "Add the model to the key's (token's, project's) allowed models, or use one it allows." }),
            [VerdictReason.ModelNotFound] = new Advice(
                new[] { "{Model} does not exist at this service, was retired, or is not open to this key (some services say 'does not exist' for both)." },
                new[] { "Use a model the service lists (GET /v1/models)." }),
            [VerdictReason.DeploymentNotFound] = new Advice(
                new[] { "The deployment named in the URL does not exist (or was created minutes ago)." },
                new[] { "Check the deployment name in the base URL; a new deployment needs a few minutes." }),
            [VerdictReason.PromptTokenLimit] = new Advice(
                new[] { "The key works, but the free tier limits prompts to 4096 tokens." },
                new[] { "Shorten the prompt or the conversation history, or use a paid key." }),
            [VerdictReason.Suspended] = new Advice(
                new[] { "The key, its user or its organization was suspended or disabled, usually after abuse or a terms violation." },
                new[] { "Ask the service to review the ban (ChatAnywhere: its QQ group); do not keep retrying." }),
            [VerdictReason.Terminated] = new Advice(
                new[] { "The account's access was terminated for a policy violation." },
                new[] { "Appeal to the provider; a new key on the same account will not work." }),
            [VerdictReason.TokenDisabled] = new Advice(
                new[] { "The relay token is disabled." },
                new[] { "Enable the token in the relay's console." }),
            [VerdictReason.IpAllowList] = new Advice(
                new[] { "The key only works from allowed networks, and this machine's address is not one of them." },
                new[] { "Add this machine's public IP address to the allow-list, or test from an allowed host." }),
            [VerdictReason.Region] = new Advice(
                new[] { "The service refused the country or region the request came from." },
                new[] { "Use the service from a supported region, or through the relay its operator provides." }),
            [VerdictReason.Forbidden] = new Advice(
                new[] { "The server refused the request (403) in words this module does not know: an IP or region rule, a group or plan limit. A 403 is not proof the key is wrong." },
                new[] { "Read the Message; try from another network." }),
            [VerdictReason.MissingScope] = new Advice(
                new[] { "The key is known, but lacks a permission or scope this call needs (a restricted key, a role without access)." },
                new[] { "Give the key (or its role) the permission named in the Message, or use a key that has it." }),
            [VerdictReason.NoOrganization] = new Advice(
                new[] { "The key's user belongs to no organization the service accepts." },
                new[] { "Join or create an organization at the provider, then issue a new key." }),
            [VerdictReason.BalanceTooLow] = new Advice(
                new[] { "The key is valid, but its balance or quota cannot pay for this request." },
                new[] { "Top up the balance (the message may name the page), or lower max_tokens." }),
            [VerdictReason.UserQuotaExhausted] = new Advice(
                new[] { "The relay account behind the key has no quota left; the key is valid." },
                new[] { "Top up the account on the relay, or ask its operator." }),
            [VerdictReason.TokenQuotaExhausted] = new Advice(
                new[] { "The key's (token's) own quota or budget is used up; the key is otherwise valid." },
                new[] { "Raise the token's quota or budget in the relay's console, or make it unlimited." }),
            [VerdictReason.PaymentRequired] = new Advice(
                new[] { "The service asks for payment: no credits left, or billing is not active." },
                new[] { "Add credits or a payment method at the provider." }),
            [VerdictReason.CloudflareChallenge] = new Advice(
                new[] { "Cloudflare answered with a browser challenge; the request never reached the API, so nothing is known about the key.", "Cloudflare challenges scripted clients from some IP ranges (VPNs, cloud hosts)." },
                new[] { "Try again from another network, or without the proxy or VPN.", "Try the other host: {OverseasBaseUri} or {DefaultBaseUri}." }),
            [VerdictReason.CloudflareBlock] = new Advice(
                new[] { "Cloudflare blocked this client (a firewall rule, the browser signature or the IP); the request never reached the API." },
                new[] { "Try from another network or without the proxy.", "Check that the base URL is right: a key for ChatAnywhere belongs at {DefaultBaseUri}." }),
            [VerdictReason.WafBlock] = new Advice(
                new[] { "A web application firewall in front of the service blocked the request; the API never saw the key." },
                new[] { "Try from another network; if the block persists, send the firewall's reference id to the service's operator." }),
            [VerdictReason.ProxyBlock] = new Advice(
                new[] { "A filtering proxy on this network blocked the request; the API never saw the key." },
                new[] { "Ask the network's administrator to allow {BaseUri}, or test from another network (-NoProxy if the proxy is optional)." }),
            [VerdictReason.ServerDefaultPage] = new Advice(
                new[] { "A web server's own error page answered {Status}: the request was refused in front of the API (access rules, a wrong host or path), not by the API." },
                new[] { "Check the base URL ({DefaultBaseUri}) and whether this network may reach it." }),
            [VerdictReason.CloudflareError] = new Advice(
                new[] { "Cloudflare could not reach the service behind it ({Status}); this says nothing about the key." },
                CheckStatus),
            [VerdictReason.ServerError] = new Advice(
                new[] { "The service failed ({Status}); this says nothing about the key." },
                CheckStatus),
            [VerdictReason.NoUpstreamResponse] = new Advice(
                new[] { "The service got no answer from its upstream: high load, an upstream down, or a refused prompt." },
                CheckStatus),
            [VerdictReason.Overloaded] = new Advice(
                new[] { "The upstream model or server is overloaded; this is not about the key." },
                CheckStatus),
            [VerdictReason.UpstreamAccountExhausted] = new Advice(
                new[] { "The service's own upstream account ran out of quota; this is the service's problem, not your key's." },
                CheckStatus),
            [VerdictReason.UpstreamAccountProblem] = new Advice(
                new[] { "{Backend} passed on a refusal of its own account at {Upstream} (its key, billing, region or organization); this is not about your key." },
                new[] { "Try again later, or ask the relay's operator." }),
            [VerdictReason.UpstreamError] = new Advice(
                new[] { "The service's upstream failed; this says nothing about the key." },
                CheckStatus),
            [VerdictReason.Timeout] = new Advice(
                new[] { "The server or a gateway in front of it timed out." },
                new[] { "Try again; check the network and proxy." }),
            [VerdictReason.ProxyFailure] = new Advice(
                new[] { "The proxy could not reach {BaseUri}." },
                new[] { "Check the proxy, or test without it (-NoProxy)." }),
            [VerdictReason.HtmlInsteadOfJson] = new Advice(
                new[] { "An HTML page answered where the API's JSON was expected: a captive portal, a proxy's login page, or a web site at {BaseUri}." },
                new[] { "Check the base URL ({DefaultBaseUri}) and the proxy settings." }),
            [VerdictReason.ManagementAuthFailed] = new Advice(
                new[] { "A one-api / new-api management route answered success:false; it tells nothing about the key." },
                new[] { "Point -BaseUri at the relay's API root (the one clients use, ending before /v1)." }),
            [VerdictReason.StatusPageError] = new Advice(
                new[] { "An Uptime Kuma status page answered with an internal failure; it says nothing about the key or the API." },
                new[] { "Point -BaseUri at the API host, e.g. {DefaultBaseUri}." }),
            [VerdictReason.UnrecognisedAnswer] = new Advice(
                new[] { "The server answered {Status} in a way this module does not recognise." },
                new[] { "Read the Message; run again with -Debug to see the answer." }),
        };

        /// <summary>The advice for <paramref name="reason"/>; every reason a table row uses has one (a test checks it).</summary>
        public static Advice For(VerdictReason reason) =>
            ByReason.TryGetValue(reason, out var advice) ? advice : ByReason[VerdictReason.UnrecognisedAnswer];

        /// <summary>True when <paramref name="reason"/> has advice of its own.</summary>
        public static bool Has(VerdictReason reason) => ByReason.ContainsKey(reason);

        /// <summary>Likely causes and next steps.</summary>
        internal sealed class Advice
        {
            public Advice(string[] diagnosis, string[] recommendation)
            {
                Diagnosis = diagnosis;
                Recommendation = recommendation;
            }

            public string[] Diagnosis { get; }

            public string[] Recommendation { get; }
        }
    }
}
