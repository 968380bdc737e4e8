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

            // Never search by key: new-api's search takes it in the query string, which relays and
            // their proxies write to access logs (issue 16). Both relays list their tokens instead.
            var key = selector.Key!.CleanedKey;
            return await FindByKeyListAsync(client, key, cancellationToken).ConfigureAwait(false) ?? throw RotationMessages.NotFound(selector, null);
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

        /// <summary>The ids of the tokens named exactly <paramref name="name"/> (one-api's search matches name prefixes).</summary>
        public static async Task<ISet<long>> FindNamedIdsAsync(RelayManagementClient client, string name, CancellationToken cancellationToken)
        {
            var found = await client.SearchAsync(name, null, cancellationToken).ConfigureAwait(false);
            return new HashSet<long>(found.Where(t => string.Equals(t.Name, name, StringComparison.Ordinal)).Select(t => t.Id));
        }

        // one-api and new-api/2025-04 list whole keys, pages counted from 0; new-api/current lists
        // them masked, in pages counted from 1 that say so by their total (relay-admin-api.md §2, list).
        private static async Task<RelayToken?> FindByKeyListAsync(RelayManagementClient client, string key, CancellationToken cancellationToken)
        {
            var seen = new HashSet<long>();
            var masked = new List<RelayToken>();
            for (var page = 0; page < MaxListPages; page++)
            {
                var listed = await client.ListAsync(page, cancellationToken).ConfigureAwait(false);
                var tokens = listed.Tokens;
                var match = tokens.FirstOrDefault(t => !t.KeyIsMasked && t.HasKey(key));
                if (match is not null)
                {
                    return match;
                }

                masked.AddRange(tokens.Where(t => t.KeyIsMasked && t.HasKey(key) && !seen.Contains(t.Id)));

                // A 1-based relay answers p=0 with its first page: go on with its second.
                if (page == 0 && listed.IsPaged)
                {
                    page = 1;
                }

                // An empty page ends the list; a page of tokens already seen means the relay ignores p.
                var unseen = tokens.Count(t => seen.Add(t.Id));
                if (tokens.Count == 0 || unseen == 0 || (listed.Total is int total && seen.Count >= total))
                {
                    break;
                }
            }

            return masked.Count <= 1 ? masked.FirstOrDefault() : await ConfirmAsync(client, masked, key, cancellationToken).ConfigureAwait(false);
        }

        // A masked key matches on its ends only: when several tokens share them, the key-reveal route
        // (a POST, the key in the answer's body) tells them apart.
        private static async Task<RelayToken?> ConfirmAsync(RelayManagementClient client, IReadOnlyList<RelayToken> candidates, string key, CancellationToken cancellationToken)
        {
            foreach (var candidate in candidates)
            {
                var whole = await client.RevealKeyAsync(candidate.Id, cancellationToken).ConfigureAwait(false);
                if (string.Equals(whole, key, StringComparison.Ordinal))
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
