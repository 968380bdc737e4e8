using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Logging;
using ChatAnywhere.Engine.Management;

namespace ChatAnywhere.Engine.Rotation
{
    /// <summary>
    /// What a rotation does when a relay's answer was lost or garbled: it reads the relay back
    /// and reports what the relay shows, instead of assuming the call failed or succeeded.
    /// Each read-back has its own time limit, because the caller may have cancelled already.
    /// </summary>
    internal sealed class RelayReadBack
    {
        // How long a rollback may take after the caller cancelled: the replacement must not be left behind.
        private static readonly TimeSpan RollbackTimeout = TimeSpan.FromSeconds(10);

        // How long a read-back after a lost or unclear answer may take: it only decides what to report.
        private static readonly TimeSpan ReadBackTimeout = TimeSpan.FromSeconds(5);

        private readonly IProbeLog _log;

        public RelayReadBack(IProbeLog log) => _log = log ?? throw new ArgumentNullException(nameof(log));

        // No answer, or one that is not the relay's: the change may have been made all the same.
        public static bool IsUnclear(RelayManagementException failure) =>
            failure.Failure == ManagementFailure.NoAnswer || failure.Failure == ManagementFailure.UnexpectedAnswer;

        /// <summary>After a create whose answer was lost: finds what the relay created all the same and deletes it, or names it.</summary>
        public async Task<Exception> RecoverLostCreateAsync(RotationPlan plan, RelayManagementException failure, string name, ISet<long> before)
        {
            IReadOnlyList<long> found;
            using (var limit = new CancellationTokenSource(ReadBackTimeout))
            {
                try
                {
                    var named = await TokenFinder.FindNamedIdsAsync(plan.Client, name, limit.Token).ConfigureAwait(false);
                    found = named.Where(id => id != plan.OldToken.Id && !before.Contains(id)).OrderBy(id => id).ToList();
                }
                catch (Exception readBack) when (readBack is RelayManagementException || readBack is OperationCanceledException)
                {
                    _log.Verbose($"Could not look for a token named '{name}' after the create: {readBack.Message}");
                    return RotationMessages.CreatedButLost(failure, name);
                }
            }

            if (found.Count == 0)
            {
                // The relay's list says it created nothing: the failure is as it was, and nothing changed.
                return failure;
            }

            var leftovers = new List<long>();
            foreach (var id in found)
            {
                if (await RollBackAsync(plan.Client, id).ConfigureAwait(false) is long leftover)
                {
                    leftovers.Add(leftover);
                }
            }

            return RotationMessages.CreateAnswerLost(failure, found, leftovers);
        }

        /// <summary>What the relay says of a token now; null when it cannot be read in time or its status is neither enabled nor disabled.</summary>
        public async Task<OldKeyState?> ReadTokenStateAsync(RelayManagementClient client, long id)
        {
            // The caller's token may be cancelled already; a read-back only decides what is reported.
            using var limit = new CancellationTokenSource(ReadBackTimeout);
            try
            {
                var token = await client.GetAsync(id, limit.Token).ConfigureAwait(false);
                return token.Status switch
                {
                    RelayToken.StatusEnabled => OldKeyState.StillActive,
                    RelayToken.StatusDisabled => OldKeyState.Disabled,
                    _ => null,
                };
            }
            catch (RelayManagementException gone) when (gone.Failure == ManagementFailure.TokenNotFound)
            {
                return OldKeyState.Deleted;
            }
            catch (Exception failure) when (failure is RelayManagementException || failure is OperationCanceledException)
            {
                _log.Verbose($"Could not read token #{id} back: {failure.Message}");
                return null;
            }
        }

        public async Task<long?> RollBackAsync(RelayManagementClient client, long newId)
        {
            // The caller's token may be cancelled already (Ctrl+C): the rollback gets its own time limit.
            using var limit = new CancellationTokenSource(RollbackTimeout);
            try
            {
                await client.DeleteAsync(newId, $"delete the replacement token #{newId} again", limit.Token).ConfigureAwait(false);
                _log.Verbose($"Deleted the replacement token #{newId} again.");
                return null;
            }
            catch (Exception failure) when (failure is RelayManagementException || failure is OperationCanceledException)
            {
                _log.Verbose($"Could not delete the replacement token #{newId}: {failure.Message}");

                // The delete may have been done with its answer lost: only a token the relay still shows is left over.
                if (await ReadTokenStateAsync(client, newId).ConfigureAwait(false) == OldKeyState.Deleted)
                {
                    _log.Verbose($"The relay no longer shows the replacement token #{newId}: it was deleted all the same.");
                    return null;
                }

                return newId;
            }
        }
    }
}
