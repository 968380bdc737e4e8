using System.Management.Automation;
using System.Security;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Probing;
using ChatAnywhere.Engine.Rotation;
using ChatAnywhere.PowerShell.Completion;
using ChatAnywhere.PowerShell.Errors;
using ChatAnywhere.PowerShell.Security;
using ChatAnywhere.PowerShell.Validation;

namespace ChatAnywhere.PowerShell.Commands
{
    /// <summary>
    /// What the commands that use a relay's management API share: the relay's -BaseUri, the
    /// user's -AccessToken and -UserId, the relay software, and reading the access token.
    /// </summary>
    public abstract class RelayCommandBase : ConnectedCommandBase
    {
        /// <summary>The relay's base URL, with or without /v1.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("ApiBase")]
        [ArgumentCompleter(typeof(RelayUriCompleter))]
        public string? BaseUri { get; set; }

        /// <summary>The relay user's access token (not a key): a SecureString, or a string (converted).</summary>
        [Parameter]
        [SecureStringTransformation]
        [ValidateNoControlCharacters]
        public SecureString? AccessToken { get; set; }

        /// <summary>The relay user's numeric id, sent as New-Api-User (new-api needs it).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int UserId { get; set; }

        /// <summary>The relay software; Auto asks the relay's /api/status.</summary>
        [Parameter]
        public RelayBackend Backend { get; set; } = RelayBackend.Auto;

        /// <summary>-UserId when given, else null.</summary>
        protected int? BoundUserId => MyInvocation.BoundParameters.ContainsKey(nameof(UserId)) ? UserId : (int?)null;

        /// <summary>The access token given, or else the one in the environment, trimmed; stops the command when there is none.</summary>
        protected string ReadAccessToken()
        {
            var accessToken = AccessToken is null ? EnvironmentDefaults.AccessToken() : SecureStrings.ToPlainText(AccessToken);
            if (string.IsNullOrWhiteSpace(accessToken))
            {
                ThrowRedactedError(RotationErrors.NoAccessToken());
            }

            Redactor.Register(accessToken);
            // The environment's token did not pass the parameter's validation.
            if (ValidateNoControlCharactersAttribute.Problem(accessToken) is string problem)
            {
                ThrowRedactedError(InputErrors.BadArgument("InvalidAccessToken", problem, null));
            }

            return accessToken!.Trim();
        }

        /// <summary>The token a key names, or null with the error written (no key, an empty or malformed key).</summary>
        private protected TokenSelector? SelectorForKey(SecureString? apiKey, out object? target)
        {
            var key = InspectKey(apiKey, RotationErrors.NoTokenMessage, out var empty);
            target = key?.Masked;
            if (key is null)
            {
                WriteRedactedError(empty!);
                return null;
            }

            // A key that cannot be a key (a masked copy above all) names no token: searching the relay for it would only fail later.
            if (key.IsMalformed)
            {
                WriteError(InputErrors.MalformedKey($"{Preflight.DescribeProblem(key.Problem)} Nothing was sent to the relay.", key.Masked));
                return null;
            }

            Redactor.Register(key.CleanedKey);
            return TokenSelector.ByKey(key);
        }
    }
}
