using System;
using System.Globalization;
using System.Linq;
using ChatAnywhere.Emulator.Scenarios;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.Relay
{
    /// <summary>
    /// What the relays check after the token itself is accepted, in each release's order
    /// (relay-admin-api.md §7): the IP allow-list against the caller's address, the token owner's ban, the "-N"
    /// channel suffix (admins only), and on chat the token's model limit.
    /// </summary>
    public static class RelayAccessCheck
    {
        public const string ChannelPinRefused = "普通用户不支持指定渠道";
        public const string InvalidChannelId = "无效的渠道 Id";
        public const string NewApiIpRefused = "您的 IP 不在令牌允许访问的列表中";
        public const string UserBannedText = "用户已被封禁";

        /// <param name="presentedKey">The key as sent, "Bearer " and "sk-" already stripped.</param>
        /// <param name="chatModel">The model a chat request names; null for routes that are not chat.</param>
        public static RelayRefusal? Check(RelayFlavour flavour, RelayToken token, RelayDefinition relay, string presentedKey, string clientIp, string? chatModel)
        {
            ArgumentNullException.ThrowIfNull(flavour);
            ArgumentNullException.ThrowIfNull(token);
            ArgumentNullException.ThrowIfNull(relay);
            ArgumentNullException.ThrowIfNull(presentedKey);
            string[] parts = presentedKey.Split('-');
            string? channel = parts.Length > 1 ? parts[1] : null;
            bool admin = relay.UserIsAdmin && token.UserId == relay.UserId;
            RelayTokenSettings settings = token.Settings;
            bool ipRefused = RelayAllowList.Refuses(flavour.Era, settings.AllowIps, clientIp);
            RelayRefusal? channelRefusal = channel is null ? null : admin ? null : new RelayRefusal(StatusCodes.Status403Forbidden, ChannelPinRefused);
            RelayRefusal? banned = relay.UserBanned && token.UserId == relay.UserId ? new RelayRefusal(StatusCodes.Status403Forbidden, UserBannedText) : null;
            switch (flavour.Era)
            {
                case RelayEra.OneApi:
                    // TokenAuth: subnet, then the owner's ban, then model (chat), then channel; the channel id is read by Distribute.
                    return ipRefused ? new RelayRefusal(StatusCodes.Status403Forbidden, OneApiIpRefused(settings.AllowIps!, clientIp))
                        : banned ?? OneApiModelRefusal(settings, chatModel) ?? channelRefusal ?? ChannelIdRefusal(channel, chatModel);
                case RelayEra.NewApi2025:
                    // TokenAuth: the owner's ban, then channel; Distribute (chat only): allow_ips, then the model limit unless a channel is pinned.
                    return banned ?? channelRefusal
                        ?? (chatModel is not null && ipRefused ? new RelayRefusal(StatusCodes.Status403Forbidden, NewApiIpRefused) : null)
                        ?? ChannelIdRefusal(channel, chatModel)
                        ?? (channel is null ? NewApiModelRefusal(settings, chatModel) : null);
                default:
                    // TokenAuth: allow_ips (code access_denied), the owner's ban, then channel; the distributor: the model limit.
                    return (ipRefused ? new RelayRefusal(StatusCodes.Status403Forbidden, NewApiIpRefused, "access_denied") : null)
                        ?? banned ?? channelRefusal ?? ChannelIdRefusal(channel, chatModel) ?? NewApiModelRefusal(settings, chatModel);
            }
        }

        private static string OneApiIpRefused(string subnet, string clientIp) =>
            string.Format(CultureInfo.InvariantCulture, "该令牌只能在指定网段使用：{0}，当前 ip：{1}", subnet, clientIp);

        private static RelayRefusal? OneApiModelRefusal(RelayTokenSettings settings, string? chatModel) =>
            !string.IsNullOrEmpty(settings.Models) && !string.IsNullOrEmpty(chatModel) && !settings.Models.Split(',').Contains(chatModel, StringComparer.Ordinal)
                ? new RelayRefusal(StatusCodes.Status403Forbidden, "该令牌无权使用模型：" + chatModel)
                : null;

        private static RelayRefusal? NewApiModelRefusal(RelayTokenSettings settings, string? chatModel) =>
            chatModel is not null && settings.ModelLimitsEnabled && !(settings.Models ?? string.Empty).Split(',').Contains(chatModel, StringComparer.Ordinal)
                ? new RelayRefusal(StatusCodes.Status403Forbidden, "该令牌无权访问模型 " + chatModel)
                : null;

        // An admin's pinned channel must be a number; the emulator has no channel list, so any number stands for an existing channel.
        private static RelayRefusal? ChannelIdRefusal(string? channel, string? chatModel) =>
            channel is not null && chatModel is not null && !int.TryParse(channel, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                ? new RelayRefusal(StatusCodes.Status400BadRequest, InvalidChannelId)
                : null;
    }
}
