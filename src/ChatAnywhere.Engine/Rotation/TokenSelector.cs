using System;
using ChatAnywhere.Engine.Keys;

namespace ChatAnywhere.Engine.Rotation
{
    /// <summary>Which token to rotate: the one with a key, an id or a name.</summary>
    internal sealed class TokenSelector
    {
        private TokenSelector(KeyInspection? key, long? id, string? name)
        {
            Key = key;
            Id = id;
            Name = name;
        }

        /// <summary>The key of the token, when chosen by key.</summary>
        public KeyInspection? Key { get; }

        /// <summary>The token's id, when chosen by id.</summary>
        public long? Id { get; }

        /// <summary>The token's exact name, when chosen by name.</summary>
        public string? Name { get; }

        /// <summary>The token whose key this is.</summary>
        public static TokenSelector ByKey(KeyInspection key) =>
            new TokenSelector(key ?? throw new ArgumentNullException(nameof(key)), null, null);

        /// <summary>The token with this id.</summary>
        public static TokenSelector ById(long id) => new TokenSelector(null, id, null);

        /// <summary>The one token with exactly this name.</summary>
        public static TokenSelector ByName(string name) =>
            new TokenSelector(null, null, string.IsNullOrEmpty(name) ? throw new ArgumentException("The name is empty.", nameof(name)) : name);

        /// <inheritdoc />
        public override string ToString() =>
            Key is not null ? $"the token with key {Key.Masked}" : Id is long id ? $"token #{id}" : $"the token named '{Name}'";
    }
}
