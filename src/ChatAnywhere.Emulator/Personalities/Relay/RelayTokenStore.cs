using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ChatAnywhere.Emulator.Keys;
using ChatAnywhere.Emulator.Scenarios;

namespace ChatAnywhere.Emulator.Personalities.Relay
{
    /// <summary>
    /// The tokens of one relay mount, in memory. Seeded from the scenario's "relay" section whenever the
    /// scenario is loaded, replaced or reset (a newer <see cref="ActiveScenario.Generation"/>); changes made
    /// through the API live until then. Every call names the scenario the request saw.
    /// </summary>
    public sealed class RelayTokenStore
    {
        private readonly Lock _gate = new();
        private readonly SortedDictionary<int, RelayToken> _tokens = [];
        private long _seededGeneration = -1;
        private int _highestId;

        /// <summary>The user's tokens not deleted, newest (highest id) first.</summary>
        public IReadOnlyList<RelayToken> Visible(ActiveScenario scenario, int userId)
        {
            lock (_gate)
            {
                SyncTo(scenario);
                return [.. _tokens.Values.Reverse().Where(token => IsVisible(token, userId))];
            }
        }

        /// <summary>Every token, deleted ones and other users' included, by id.</summary>
        public IReadOnlyList<RelayToken> All(ActiveScenario scenario)
        {
            lock (_gate)
            {
                SyncTo(scenario);
                return [.. _tokens.Values];
            }
        }

        /// <summary>The user's token with this id, null when unknown, another user's, or deleted.</summary>
        public RelayToken? Find(ActiveScenario scenario, int userId, int id)
        {
            lock (_gate)
            {
                SyncTo(scenario);
                return _tokens.TryGetValue(id, out RelayToken? token) && IsVisible(token, userId) ? token : null;
            }
        }

        /// <summary>Any user's token with this stored key, deleted ones included (the data plane's cache may still hold them).</summary>
        public RelayToken? FindByKey(ActiveScenario scenario, string storedKey)
        {
            lock (_gate)
            {
                SyncTo(scenario);
                return _tokens.Values.FirstOrDefault(token => string.Equals(token.Key, storedKey, StringComparison.Ordinal));
            }
        }

        /// <summary>A new enabled token with a fresh key and the next id; null when the user already has <paramref name="maxTokens"/> (0: no cap).</summary>
        public RelayToken? TryCreate(ActiveScenario scenario, int userId, RelayTokenSettings settings, int maxTokens, DateTimeOffset now)
        {
            lock (_gate)
            {
                SyncTo(scenario);
                if (maxTokens > 0 && _tokens.Values.Count(token => IsVisible(token, userId)) >= maxTokens)
                {
                    return null;
                }

                var token = new RelayToken
                {
                    Id = ++_highestId,
                    UserId = userId,
                    Key = NewKey(),
                    Status = 1,
                    Settings = settings,
                    CreatedAt = now,
                    CreatedThroughApi = true,
                };
                _tokens.Add(token.Id, token);
                return token;
            }
        }

        /// <summary>Replaces the settings (not the status); null when the token is not the user's or is gone.</summary>
        public RelayToken? Update(ActiveScenario scenario, int userId, int id, RelayTokenSettings settings) =>
            Change(scenario, userId, id, token => token with { Settings = settings });

        /// <summary>Sets the status, recording when the token stopped being enabled.</summary>
        public RelayToken? SetStatus(ActiveScenario scenario, int userId, int id, int status, DateTimeOffset now) =>
            Change(scenario, userId, id, token => token with
            {
                Status = status,
                DisabledAt = status == 1 ? null : token.Status == 1 ? now : token.DisabledAt,
            });

        /// <summary>Spends quota from any user's token, as the data plane does after serving a request (an unlimited token only counts it).</summary>
        public void Spend(ActiveScenario scenario, int id, long quota)
        {
            lock (_gate)
            {
                SyncTo(scenario);
                if (_tokens.TryGetValue(id, out RelayToken? token))
                {
                    _tokens[id] = token with
                    {
                        UsedQuota = token.UsedQuota + quota,
                        Settings = token.Settings.UnlimitedQuota ? token.Settings : token.Settings with { RemainQuota = token.Settings.RemainQuota - quota },
                    };
                }
            }
        }

        public RelayToken? Delete(ActiveScenario scenario, int userId, int id, DateTimeOffset now) =>
            Change(scenario, userId, id, token => token with { DeletedAt = now });

        private RelayToken? Change(ActiveScenario scenario, int userId, int id, Func<RelayToken, RelayToken> change)
        {
            lock (_gate)
            {
                SyncTo(scenario);
                if (!_tokens.TryGetValue(id, out RelayToken? token) || !IsVisible(token, userId))
                {
                    return null;
                }

                RelayToken changed = change(token);
                _tokens[id] = changed;
                return changed;
            }
        }

        private static bool IsVisible(RelayToken token, int userId) => token.UserId == userId && !token.IsDeleted;

        // Keys are random, so a clash is all but impossible; checking keeps lookups by key unambiguous.
        private string NewKey()
        {
            string key;
            do
            {
                key = RelayKeys.Generate();
            }
            while (_tokens.Values.Any(token => string.Equals(token.Key, key, StringComparison.Ordinal)));

            return key;
        }

        // A request that saw an older scenario than the one seeded works on the newer tokens; it never seeds back.
        private void SyncTo(ActiveScenario scenario)
        {
            if (scenario.Generation <= _seededGeneration)
            {
                return;
            }

            _seededGeneration = scenario.Generation;
            _tokens.Clear();
            RelayDefinition? relay = scenario.Definition.Relay;
            foreach (RelayTokenDefinition seed in relay?.Tokens ?? [])
            {
                _tokens.Add(seed.Id, new RelayToken
                {
                    Id = seed.Id,
                    UserId = seed.UserId ?? relay!.UserId,
                    Key = RelayKeys.ToStoredForm(seed.Key)!,
                    Status = seed.Status,
                    Settings = new RelayTokenSettings(
                        seed.Name!, seed.ExpiredTime, seed.RemainQuota, seed.UnlimitedQuota,
                        seed.Models, ModelLimitsEnabled: !string.IsNullOrEmpty(seed.Models), seed.AllowIps, seed.Group),
                    CreatedAt = scenario.StartedAt,
                    UsedQuota = seed.UsedQuota,
                });
            }

            _highestId = _tokens.Count == 0 ? 0 : _tokens.Keys.Max();
        }
    }
}
