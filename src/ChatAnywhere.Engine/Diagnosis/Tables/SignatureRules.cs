namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// Layer (c): pages and headers of what stands in front of the API: Cloudflare (its challenge,
    /// its numbered errors as a page or as `error code: NNNN`), WAFs, filtering proxies, gateways and
    /// web servers' own error pages. Read before the words (layer b) because such a page proves the API
    /// never read the request: "Access denied" on a proxy's page says nothing about the key. Only
    /// pages and plain text match here, never the API's JSON.
    /// </summary>
    internal static class SignatureRules
    {
        public static readonly DiagnosisRule[] All =
        {
            // ---- Cloudflare ----------------------------------------------------------------------
            new DiagnosisRule("Cloudflare challenge", f => f.HeaderHas("cf-mitigated", "challenge") ||
                                                          (f.IsPage && f.Says("Just a moment...", "cf-chl", "Attention Required! | Cloudflare")),
                KeyVerdict.BlockedByWaf, VerdictReason.CloudflareChallenge,
                "CF-403-challenge-measured", "CF-challenge-html-prefix", "CF-403-cf-mitigated-challenge-headers"),

            // 1015: "You are being rate limited" (CF-429-1015-access-denied-title).
            new DiagnosisRule("Cloudflare rate limit", f => f.IsPage && (f.Says("error code: 1015", "error 1015", "you are being rate limited") || (f.Status == 429 && f.Says("used cloudflare to restrict access"))),
                KeyVerdict.RateLimited, VerdictReason.RequestRateLimit,
                "CF-429-1015-access-denied-title"),

            // 1101/1102: a Worker failed; 1033: a Tunnel is down; 1016: the origin's DNS. The site is broken, nobody refused.
            new DiagnosisRule("Cloudflare could not reach the origin", f => f.IsPage && f.Says("error code: 1101", "error 1101", "error code: 1102", "error 1102", "error code: 1033", "error 1033", "error code: 1016", "error 1016"),
                KeyVerdict.ServiceUnavailable, VerdictReason.CloudflareError,
                "CF-530-1033-tunnel-error", "CF-1101-worker-threw-exception"),

            new DiagnosisRule("Cloudflare block", f => f.IsPage && (f.Says("Sorry, you have been blocked", "used cloudflare to restrict access") || f.SaysCloudflareErrorCode ||
                                                                    (f.Status == 403 && (f.Backend == BackendKind.Cloudflare || f.HeaderHas("server", "cloudflare")))),
                KeyVerdict.BlockedByWaf, VerdictReason.CloudflareBlock,
                "CF-blocked-page", "CF-403-1020-access-denied-html", "CF-403-1010-browser-signature-relay", "CF-403-1010-plain-text", "CF-403-nginx-style-cloudflare-forbidden"),

            new DiagnosisRule("Cloudflare timeout page", f => f.Status == 524 && f.IsHtml,
                KeyVerdict.ServiceUnavailable, VerdictReason.Timeout,
                "CF-524-timeout-html-relay"),

            new DiagnosisRule("Cloudflare error page", f => f.Status >= 500 && (f.IsPage || f.IsHtml) && (f.Backend == BackendKind.Cloudflare || f.Says("cloudflare")),
                KeyVerdict.ServiceUnavailable, VerdictReason.CloudflareError,
                "CF-502-bad-gateway", "CF-522-connection-timed-out-html", "CF-502-bad-gateway-rendered", "CF-524-timeout-html-relay"),

            // ---- Firewalls and filtering proxies -------------------------------------------------
            new DiagnosisRule("Filtering proxy block page", f => f.IsPage && f.Says("ERR_ACCESS_DENIED", "Zscaler", "Web Filter Violation", "FortiGuard", "Web Page Blocked", "Website blocked"),
                KeyVerdict.BlockedByWaf, VerdictReason.ProxyBlock,
                "PROXY-403-squid-err-access-denied", "PROXY-403-zscaler-block-page", "PROXY-403-fortigate-web-filter-violation", "PROXY-503-paloalto-web-page-blocked"),

            new DiagnosisRule("Firewall block page", f => (f.IsPage && (f.Says("The requested URL was rejected. Please consult with your administrator", "Sucuri Website Firewall", "sucuri-firewall-block",
                                                                               "Incapsula incident", "Not Acceptable!", "Mod_Security", "WTS-WAF", "Request blocked", "Reference #") ||
                                                                      (f.Says("Access Denied") && f.HeaderHas("server", "AkamaiGHost")))) ||
                                                          f.Says("due to WAF block"),
                KeyVerdict.BlockedByWaf, VerdictReason.WafBlock,
                "PROXY-200-f5-asm-request-rejected", "PROXY-403-sucuri-access-denied", "PROXY-406-modsecurity-not-acceptable", "PROXY-403-wts-waf-chinese",
                "PROXY-403-aws-waf-cloudfront-request-blocked", "PROXY-403-akamai-access-denied-reference", "PROXY-403-aws-waf-json-forbidden-exception"),

            new DiagnosisRule("Proxy could not connect", f => f.IsPage && f.Says("ERR_CONNECT_FAIL", "The requested URL could not be retrieved"),
                KeyVerdict.NetworkError, VerdictReason.ProxyFailure,
                "PROXY-503-squid-err-connect-fail-code-derived"),

            // ---- The relay's own front end -------------------------------------------------------
            new DiagnosisRule("Front end refused the Authorization header", f => f.Status == 401 && f.IsHtml && f.Says("401 Authorization Required"),
                KeyVerdict.MalformedRequest, VerdictReason.AuthHeaderMalformed,
                "CA-401-tengine-missing-sk"),

            // ---- Load balancers and proxies that lost the upstream -------------------------------
            new DiagnosisRule("Proxy overflow", f => f.IsPage && f.Says("reset reason: overflow"),
                KeyVerdict.ServiceUnavailable, VerdictReason.Overloaded,
                "WEB-503-envoy-overflow"),

            new DiagnosisRule("No healthy upstream", f => f.IsPage && f.Says("no healthy upstream", "No server is available to handle this request", "upstream connect error"),
                KeyVerdict.ServiceUnavailable, VerdictReason.NoUpstreamResponse,
                "WEB-503-envoy-no-healthy-upstream", "WEB-503-haproxy-no-server-code-derived"),

            // ---- Web servers' own error pages: the status of a page, not of the API --------------
            // HTML only: a relay's plain-text answer (ONE-403-subnet-not-allowed) is read by its words.
            new DiagnosisRule("Web server refused (403 page)", f => f.IsHtml && f.Status == 403,
                KeyVerdict.BlockedByWaf, VerdictReason.ServerDefaultPage,
                "WEB-403-nginx-default-code-derived", "WEB-403-haproxy-administrative-rules", "WEB-403-apache-forbidden-rendered"),

            new DiagnosisRule("Web server: no such page", f => (f.IsHtml && f.StatusIs(404, 405)) || (f.IsPage && f.Says("404 page not found", "404: NOT_FOUND")),
                KeyVerdict.WrongEndpoint, VerdictReason.WrongPath,
                "WEB-404-nginx-chatanywhere-wrong-path", "WEB-404-vercel-not-found", "WEB-404-go-default-page-not-found"),

            new DiagnosisRule("Web server: body too large", f => f.IsHtml && f.Status == 413,
                KeyVerdict.MalformedRequest, VerdictReason.PayloadTooLarge,
                "WEB-413-nginx-entity-too-large-padding"),

            new DiagnosisRule("Web server: too many requests", f => f.IsHtml && f.Status == 429,
                KeyVerdict.RateLimited, VerdictReason.RequestRateLimit,
                "WEB-429-haproxy-too-many-requests-code-derived"),

            new DiagnosisRule("Gateway timed out", f => f.IsHtml && f.StatusIs(504, 524),
                KeyVerdict.ServiceUnavailable, VerdictReason.Timeout,
                "WEB-504-nginx-gateway-timeout"),

            new DiagnosisRule("Web server: upstream failed", f => f.IsHtml && f.Status >= 500,
                KeyVerdict.ServiceUnavailable, VerdictReason.ServerError,
                "WEB-502-nginx-ubuntu", "WEB-502-aws-elb-bad-gateway", "CA-502-nginx-html-2023"),
        };
    }
}
