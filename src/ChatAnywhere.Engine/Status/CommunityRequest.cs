using System;
using System.Collections.Generic;
using System.Linq;
using ChatAnywhere.Engine.Endpoints;

namespace ChatAnywhere.Engine.Status
{
    /// <summary>Which tracker Get-ServiceStatus reads for "is it only me?", how far back, with which token.</summary>
    internal sealed class CommunityRequest
    {
        private CommunityRequest(Uri repository, TimeSpan window, string? token)
        {
            Repository = repository;
            Window = window;
            Token = token;
        }

        public Uri Repository { get; }

        public TimeSpan Window { get; }

        /// <summary>$env:GITHUB_TOKEN; CommunityReader sends it to api.github.com over https only.</summary>
        public string? Token { get; }

        /// <summary>
        /// The request, or null to skip the tracker. ChatAnywhere's users report on its GitHub tracker, so it is
        /// read when a ChatAnywhere host is checked, or when the caller named a tracker (<paramref name="named"/>);
        /// never for a self-hosted relay alone. <paramref name="problem"/> is set when the address is not usable.
        /// </summary>
        public static CommunityRequest? For(bool skip, bool named, string address, IEnumerable<Uri> endpoints, int windowHours, string? token, out string? problem)
        {
            problem = null;
            if (skip || (!named && !(endpoints ?? Enumerable.Empty<Uri>()).Any(e => KnownHosts.KindOf(e) == EndpointKind.ChatAnywhere)))
            {
                return null;
            }

            if (Uri.TryCreate(address, UriKind.Absolute, out var repository) && (repository.Scheme == Uri.UriSchemeHttps || repository.Scheme == Uri.UriSchemeHttp))
            {
                return new CommunityRequest(repository, TimeSpan.FromHours(windowHours), string.IsNullOrEmpty(token) ? null : token);
            }

            problem = $"-CommunityUri must be an http(s) address of a repository, e.g. {CommunityReader.DefaultRepository}.";
            return null;
        }
    }
}
