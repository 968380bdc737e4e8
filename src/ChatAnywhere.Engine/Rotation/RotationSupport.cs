using System;
using ChatAnywhere.Engine.Endpoints;

namespace ChatAnywhere.Engine.Rotation
{
    /// <summary>Which hosts and backends can rotate a key: decided before any request is sent.</summary>
    internal static class RotationSupport
    {
        /// <summary>The support answer for ChatAnywhere's hosted service.</summary>
        public const string ChatAnywhereIssue = "https://github.com/chatanywhere/GPT_API_free/issues/330";

        /// <summary>Why <paramref name="relay"/> cannot rotate keys, or null when it may (a one-api or new-api relay).</summary>
        public static KeyRotationException? Check(ServiceEndpoint relay, RelayBackend backend)
        {
            if (relay is null)
            {
                throw new ArgumentNullException(nameof(relay));
            }

            if (backend == RelayBackend.ChatAnywhere || relay.Kind == EndpointKind.ChatAnywhere)
            {
                // Maintainer, 2024-11-28: "key不支持更换" (keys cannot be changed), issue #330.
                return new KeyRotationException(
                    RotationFailure.NotSupported,
                    $"ChatAnywhere's hosted service ({relay}) cannot regenerate or change a key: its maintainer confirmed keys cannot be changed ({ChatAnywhereIssue}).",
                    $"Get a new key instead (free keys: sign in with GitHub at {KnownHosts.DefaultBaseUri}/v1/oauth/free/render; paid keys: the shop), run Wait-KeyActivation on it until it works, then replace the old key wherever it is stored. Reset-ApiKey rotates keys on self-hosted one-api and new-api relays: pass the relay's address as -BaseUri.");
            }

            return relay.Kind == EndpointKind.OpenAI
                ? new KeyRotationException(
                    RotationFailure.NotSupported,
                    $"{relay} is OpenAI's API, not a one-api or new-api relay: Reset-ApiKey cannot rotate its keys.",
                    "Create and revoke OpenAI keys at https://platform.openai.com/api-keys.")
                : null;
        }

        /// <summary>Refuses a backend that offers no key management, before any request is sent.</summary>
        /// <exception cref="KeyRotationException">ChatAnywhere's hosted service, or OpenAI.</exception>
        public static void RefuseUnsupported(ServiceEndpoint relay, RelayBackend backend)
        {
            if (Check(relay, backend) is { } unsupported)
            {
                throw unsupported;
            }
        }
    }
}
