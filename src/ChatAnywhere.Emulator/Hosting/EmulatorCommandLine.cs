using System;
using System.Globalization;

namespace ChatAnywhere.Emulator.Hosting
{
    /// <summary>Parses the command line; other code starts the emulator with exactly these options.</summary>
    public static class EmulatorCommandLine
    {
        public const string Usage = "usage: ChatAnywhere.Emulator [--port N] [--scenario PATH] [--url-file PATH] [--https]";

        /// <exception cref="FormatException">An unknown option or a bad value; the message says which.</exception>
        public static EmulatorOptions Parse(string[] args)
        {
            ArgumentNullException.ThrowIfNull(args);
            int port = 0;
            string? scenario = null;
            string? urlFile = null;
            bool https = false;
            for (int i = 0; i < args.Length; i++)
            {
                string option = args[i];
                string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{option} needs a value.");
                switch (option)
                {
                    case "--port":
                        string text = Value();
                        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
                        {
                            throw new FormatException($"--port must be 0-65535, not '{text}'.");
                        }

                        break;
                    case "--scenario":
                        scenario = Value();
                        break;
                    case "--url-file":
                        urlFile = Value();
                        break;
                    case "--https":
                        https = true;
                        break;
                    default:
                        throw new FormatException($"Unknown option '{option}'.");
                }
            }

            return new EmulatorOptions(port, scenario, urlFile, https);
        }
    }
}
