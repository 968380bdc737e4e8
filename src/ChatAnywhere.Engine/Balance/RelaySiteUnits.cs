using System;
using System.Collections.Generic;
using ChatAnywhere.Engine.Json;

namespace ChatAnywhere.Engine.Balance
{
    /// <summary>
    /// How a one-api or new-api site counts money, from its public GET /api/status: quota units per
    /// currency unit, and the display type its billing routes use (balance-usage.md §3, §5).
    /// </summary>
    internal sealed class RelaySiteUnits
    {
        /// <summary>Nothing known: raw figures stay raw and every unit is Unknown.</summary>
        public static readonly RelaySiteUnits Unknown = new RelaySiteUnits(null, BalanceUnit.Unknown, null, "the relay's /api/status did not say how it counts money");

        private RelaySiteUnits(double? quotaPerUnit, BalanceUnit displayUnit, double? exchangeRate, string description)
        {
            QuotaPerUnit = quotaPerUnit;
            DisplayUnit = displayUnit;
            ExchangeRate = exchangeRate;
            Description = description;
        }

        /// <summary>Quota units per dollar; null when not said.</summary>
        public double? QuotaPerUnit { get; }

        /// <summary>The unit the billing routes' "_usd" fields are really in.</summary>
        public BalanceUnit DisplayUnit { get; }

        /// <summary>Yuan per dollar for the CNY display type.</summary>
        public double? ExchangeRate { get; }

        /// <summary>For Diagnosis: where the unit came from.</summary>
        public string Description { get; }

        /// <summary>Reads the data of a /api/status answer; <see cref="Unknown"/> when it is not one.</summary>
        public static RelaySiteUnits Read(string? body)
        {
            if (!JsonLite.TryParse(body, out var root) || JsonLite.Member(root, "data") is not Dictionary<string, object?> data)
            {
                return Unknown;
            }

            var perUnit = BalanceJson.Number(data, "quota_per_unit") is { } q && q > 0 ? q : (double?)null;
            var rate = BalanceJson.Number(data, "usd_exchange_rate") is { } r && r > 0 ? r : (double?)null;
            // Newer new-api says quota_display_type (USD, CNY, TOKENS, CUSTOM); older versions and one-api
            // only display_in_currency, which new-api maps true -> USD, false -> TOKENS (balance-usage.md §5).
            var type = JsonLite.Text(data, "quota_display_type")?.Trim().ToUpperInvariant();
            if (type is not null)
            {
                var unit = type switch
                {
                    "USD" => BalanceUnit.USD,
                    "CNY" when rate is not null => BalanceUnit.CNY,
                    "TOKENS" => BalanceUnit.Tokens,
                    _ => BalanceUnit.Unknown,
                };
                return new RelaySiteUnits(perUnit, unit, rate, $"the relay's /api/status says quota_display_type {type}");
            }

            return BalanceJson.Flag(data, "display_in_currency") switch
            {
                true => new RelaySiteUnits(perUnit, BalanceUnit.USD, rate, "the relay's /api/status says display_in_currency true (dollars)"),
                false => new RelaySiteUnits(perUnit, BalanceUnit.Tokens, rate, "the relay's /api/status says display_in_currency false (quota units)"),
                _ => new RelaySiteUnits(perUnit, BalanceUnit.Unknown, rate, "the relay's /api/status names no display unit"),
            };
        }

        /// <summary>Raw quota units in the site's display unit; the unit is Tokens when no conversion is known.</summary>
        public (decimal? Amount, BalanceUnit Unit) FromQuota(double? quota)
        {
            if (quota is not { } raw)
            {
                return (null, ConvertedUnit);
            }

            return ConvertedUnit switch
            {
                BalanceUnit.USD => (BalanceJson.Amount(raw / QuotaPerUnit!.Value), BalanceUnit.USD),
                BalanceUnit.CNY => (BalanceJson.Amount(raw / QuotaPerUnit!.Value * ExchangeRate!.Value), BalanceUnit.CNY),
                _ => (BalanceJson.Amount(raw), BalanceUnit.Tokens),
            };
        }

        // Raw quota converts to money only with quota_per_unit (and the rate for yuan); else it stays quota units.
        private BalanceUnit ConvertedUnit =>
            QuotaPerUnit is null ? BalanceUnit.Tokens
            : DisplayUnit == BalanceUnit.USD ? BalanceUnit.USD
            : DisplayUnit == BalanceUnit.CNY ? BalanceUnit.CNY
            : BalanceUnit.Tokens;
    }
}
