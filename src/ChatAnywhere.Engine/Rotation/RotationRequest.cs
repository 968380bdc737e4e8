using System;
using ChatAnywhere.Engine.Endpoints;

namespace ChatAnywhere.Engine.Rotation
{
    /// <summary>One token to rotate and how to reach the relay that holds it.</summary>
    internal sealed class RotationRequest
    {
        /// <summary>Creates a request.</summary>
        public RotationRequest(ServiceEndpoint relay, TokenSelector token, string accessToken, int? userId, RelayBackend backend)
        {
            Relay = relay ?? throw new ArgumentNullException(nameof(relay));
            Token = token ?? throw new ArgumentNullException(nameof(token));
            AccessToken = accessToken ?? throw new ArgumentNullException(nameof(accessToken));
            UserId = userId;
            Backend = backend;
        }

        /// <summary>The relay's base URL.</summary>
        public ServiceEndpoint Relay { get; }

        /// <summary>Which token.</summary>
        public TokenSelector Token { get; }

        /// <summary>The user's access token for the management API.</summary>
        public string AccessToken { get; }

        /// <summary>The user's id, sent as New-Api-User.</summary>
        public int? UserId { get; }

        /// <summary>The backend as the user chose it (Auto: detect).</summary>
        public RelayBackend Backend { get; }
    }
}
