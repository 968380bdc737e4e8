using System;
using System.Globalization;
using ChatAnywhere.Engine.Json;

namespace ChatAnywhere.Engine.Balance
{
    /// <summary>Numbers, flags and times out of balance answers, which send numbers as numbers or as text.</summary>
    internal static class BalanceJson
    {
        /// <summary>A number member (or numeric text), or null when absent or not a number.</summary>
        public static double? Number(object? obj, string name) => JsonLite.Member(obj, name) switch
        {
            double d when !double.IsNaN(d) && !double.IsInfinity(d) => d,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsNaN(d) && !double.IsInfinity(d) => d,
            _ => null,
        };

        /// <summary>A boolean member, or null.</summary>
        public static bool? Flag(object? obj, string name) => JsonLite.Member(obj, name) as bool?;

        /// <summary>A money or quota figure, rounded to what a decimal holds exactly; null for null.</summary>
        public static decimal? Amount(double? value)
        {
            if (value is not { } v || Math.Abs(v) > 1e15)
            {
                return null;
            }

            return Math.Round((decimal)v, 6);
        }

        /// <summary>Unix seconds as UTC; null for 0, negative values (never) and nonsense.</summary>
        public static DateTime? UnixSeconds(double? value)
        {
            if (value is not { } v || v <= 0 || v > 253402300799)
            {
                return null;
            }

            return DateTimeOffset.FromUnixTimeSeconds((long)v).UtcDateTime;
        }
    }
}
