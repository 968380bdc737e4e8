using System;
using System.Globalization;
using System.Security.Cryptography;

namespace ChatAnywhere.Emulator.Personalities.Relay
{
    /// <summary>
    /// The id both relays give every request, sent as X-Oneapi-Request-Id and appended to error messages
    /// (relay-admin-api.md §7): the time as yyyyMMddHHmmss, the nanoseconds within the second without
    /// padding, then eight random digits (one-api) or letters and digits (new-api).
    /// </summary>
    public static class RelayRequestId
    {
        public const string HeaderName = "X-Oneapi-Request-Id";

        private const string Digits = "0123456789";
        private const string LettersAndDigits = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        private const int RandomLength = 8;

        public static string New(RelayEra era, DateTimeOffset now)
        {
            DateTimeOffset utc = now.ToUniversalTime();
            long nanosecondsInSecond = utc.Ticks % TimeSpan.TicksPerSecond * 100;
            string alphabet = era == RelayEra.OneApi ? Digits : LettersAndDigits;
            return utc.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
                + nanosecondsInSecond.ToString(CultureInfo.InvariantCulture)
                + new string(RandomNumberGenerator.GetItems<char>(alphabet, RandomLength));
        }
    }
}
