using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Management;

namespace ChatAnywhere.Engine.Rotation
{
    /// <summary>
    /// Finds tokens through a relay's management API: the old token by id, name or key, and a
    /// replacement new-api created without telling its id.
    /// </summary>
    internal static class TokenFinder
    {
        // Search, list and the key-reveal route are cheap; the list is walked at most this far.
        private const int MaxListPages = 1000;

        /// <exception cref="KeyRotationException">No such token, or a name shared by several.</exception>
        public static async Task<RelayToken> FindAsync(RelayManagementClient client, RelayBackend backend, TokenSelector selector, CancellationToken cancellationToken)
        {
            if (selector.Id is long id)
            {
                try
                {
                    return await client.GetAsync(id, cancellationToken).ConfigureAwait(false);
                }
                catch (RelayManagementException missing) when (missing.Failure == ManagementFailure.TokenNotFound)
                {
                    throw RotationMessages.NotFound(selector, missing);
                }
            }

            if (selector.Name is string name)
            {
                var named = (await client.SearchAsync(name, null, cancellationToken).ConfigureAwait(false))
                    .Where(t => string.Equals(t.Name, name, StringComparison.Ordinal))
                    .ToList();
                if (named.Count > 1)
                {
                    throw RotationMessages.AmbiguousName(name, named);
                }

                return named.Count == 1 ? named[0] : throw RotationMessages.NotFound(selector, null);
            }

            var key = selector.Key!.CleanedKey;
            return backend == RelayBackend.NewApi
                ? await FindByKeySearchAsync(client, key, cancellationToken).ConfigureAwait(false) ?? throw RotationMessages.NotFound(selector, null)
                : await FindByKeyListAsync(client, key, cancellationToken).ConfigureAwait(false) ?? throw RotationMessages.NotFound(selector, null);
        }

        /// <summary>The replacement named <paramref name="name"/>; the highest id is the newest (relay-admin-api.md §2).</summary>
        /// <exception cref="KeyRotationException">The search does not find it.</exception>
        public static async Task<RelayToken> FindCreatedAsync(RelayManagementClient client, string name, long oldId, CancellationToken cancellationToken)
        {
            var matches = (await client.SearchAsync(name, null, cancellationToken).ConfigureAwait(false))
                .Where(t => string.Equals(t.Name, name, StringComparison.Ordinal) && t.Id != oldId)
                .ToList();
            return matches.Count == 0
                ? throw RotationMessages.CreatedNotFound(name)
                : matches.OrderByDescending(t => t.Id).First();
        }

        // new-api filters search results on the key (relay-admin-api.md §2, search).
        private static async Task<RelayToken?> FindByKeySearchAsync(RelayManagementClient client, string key, CancellationToken cancellationToken)
        {
            var stored = key.StartsWith("sk-", StringComparison.Ordinal) ? key.Substring(3) : key;
            var found = await client.SearchAsync(string.Empty, stored, cancellationToken).ConfigureAwait(false);
            return found.FirstOrDefault(t => t.HasKey(key));
        }

        // one-api searches names only, but lists whole keys, ten per page counted from 0.
        private static async Task<RelayToken?> FindByKeyListAsync(RelayManagementClient client, string key, CancellationToken cancellationToken)
        {
            var seen = new HashSet<long>();
            for (var page = 0; page < MaxListPages; page++)
            {
                var tokens = (await client.ListAsync(page, cancellationToken).ConfigureAwait(false)).Tokens;
                var match = tokens.FirstOrDefault(t => t.HasKey(key));
                if (match is not null)
                {
                    return match;
                }

                // An empty page ends the list; a page of tokens already seen means the relay ignores p.
                var unseen = tokens.Count(t => seen.Add(t.Id));
                if (tokens.Count == 0 || unseen == 0)
                {
                    return null;
                }
            }

            return null;
        }
    }
}
