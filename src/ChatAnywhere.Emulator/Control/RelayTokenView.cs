using System;
using ChatAnywhere.Emulator.Keys;
using ChatAnywhere.Emulator.Personalities.Relay;

namespace ChatAnywhere.Emulator.Control
{
    /// <summary>
    /// One relay token as GET /_emulator/relay/{flavour}/tokens shows it, deleted ones included. The key
    /// appears only as the request log's fingerprint (of "sk-" + key, the form clients send) and masked.
    /// Settings read the same on every flavour: <see cref="Models"/> is the limit in force (null: any
    /// model), <see cref="AllowIps"/> null when empty, <see cref="Group"/> null on one-api (no token groups).
    /// </summary>
    public sealed record RelayTokenView(
        int Id,
        string Name,
        int Status,
        bool Deleted,
        string KeyFingerprint,
        string KeyMasked,
        long RemainQuota,
        bool UnlimitedQuota,
        long ExpiredTime,
        string? Models,
        string? AllowIps,
        string? Group,
        DateTimeOffset CreatedAt,
        DateTimeOffset? DisabledAt,
        DateTimeOffset? DeletedAt)
    {
        public static RelayTokenView Of(RelayToken token, RelayDialect dialect)
        {
            ArgumentNullException.ThrowIfNull(token);
            RelayTokenSettings settings = token.Settings;
            return new RelayTokenView(
                token.Id,
                settings.Name,
                token.Status,
                token.IsDeleted,
                Control.KeyFingerprint.Of(RelayKeys.ToDisplayForm(token.Key)),
                RelayKeys.Mask(token.Key),
                settings.RemainQuota,
                settings.UnlimitedQuota,
                settings.ExpiredTime,
                settings.ModelLimit,
                string.IsNullOrEmpty(settings.AllowIps) ? null : settings.AllowIps,
                dialect == RelayDialect.OneApi ? null : settings.Group,
                token.CreatedAt,
                token.DisabledAt,
                token.DeletedAt);
        }
    }
}
