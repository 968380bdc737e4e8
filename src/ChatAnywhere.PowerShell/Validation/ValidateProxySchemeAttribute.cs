using System;
using System.Management.Automation;

namespace ChatAnywhere.PowerShell.Validation
{
    /// <summary>
    /// Refuses at binding a -Proxy that .NET cannot use: not absolute, or a scheme other than http,
    /// https, socks4, socks4a, socks5 (issue 16: -Proxy ftp://... passed, then failed every key).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateProxySchemeAttribute : ValidateArgumentsAttribute
    {
        private static readonly string[] Schemes = { "http", "https", "socks4", "socks4a", "socks5" };

        /// <inheritdoc />
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (value is not Uri proxy)
            {
                return;
            }

            if (!proxy.IsAbsoluteUri)
            {
                throw new ValidationMetadataException("The proxy must be an absolute URL such as http://proxy:8080.");
            }

            if (Array.IndexOf(Schemes, proxy.Scheme.ToLowerInvariant()) < 0)
            {
                // Scheme and host only: a proxy URL may carry credentials.
                throw new ValidationMetadataException(
                    $"The proxy scheme '{proxy.Scheme}' (in {proxy.Scheme}://{proxy.Host}) is not supported: use http://, https://, socks4://, socks4a:// or socks5://.");
            }
        }
    }
}
