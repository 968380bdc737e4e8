using System;
using System.Collections.Generic;
using System.Text;

namespace ChatAnywhere.Engine.Clients
{
    /// <summary>
    /// Reads a .env file as the common dotenv loaders do: NAME=value lines, `export` allowed, `#` comments
    /// (whole lines, or after an unquoted value and a space), single quotes literal, double quotes with
    /// \n escapes. A line that is none of these is passed over.
    /// </summary>
    internal static class DotEnvReader
    {
        public static IEnumerable<(string Name, string Value, int Line)> Read(string text)
        {
            var lines = (text ?? string.Empty).Replace("\r\n", "\n").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                if (line.StartsWith("export ", StringComparison.Ordinal))
                {
                    line = line.Substring("export ".Length).TrimStart();
                }

                var equals = line.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }

                var name = line.Substring(0, equals).Trim();
                if (!IsName(name))
                {
                    continue;
                }

                yield return (name, ValueOf(line.Substring(equals + 1).Trim()), i + 1);
            }
        }

        private static string ValueOf(string raw)
        {
            if (raw.Length >= 2 && raw[0] == '\'' && raw.IndexOf('\'', 1) > 0)
            {
                return raw.Substring(1, raw.IndexOf('\'', 1) - 1);
            }

            if (raw.Length >= 2 && raw[0] == '"' && raw.IndexOf('"', 1) > 0)
            {
                return Unescape(raw.Substring(1, raw.IndexOf('"', 1) - 1));
            }

            var comment = raw.IndexOf(" #", StringComparison.Ordinal);
            return (comment >= 0 ? raw.Substring(0, comment) : raw).Trim();
        }

        private static string Unescape(string text)
        {
            var result = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == 'n')
                {
                    result.Append('\n');
                    i++;
                }
                else
                {
                    result.Append(text[i]);
                }
            }

            return result.ToString();
        }

        private static bool IsName(string name)
        {
            foreach (var c in name)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.'))
                {
                    return false;
                }
            }

            return name.Length > 0;
        }
    }
}
