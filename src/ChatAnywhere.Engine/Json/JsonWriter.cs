using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ChatAnywhere.Engine.Json
{
    /// <summary>
    /// Writes the values <see cref="JsonLite"/> reads (dictionaries, lists, strings, doubles,
    /// booleans, null) back as compact JSON, so a token's fields can be sent on as they came.
    /// </summary>
    internal static class JsonWriter
    {
        /// <summary>The JSON text of <paramref name="value"/>.</summary>
        /// <exception cref="ArgumentException">The value holds a type JSON cannot carry.</exception>
        public static string Write(object? value)
        {
            var text = new StringBuilder();
            Append(text, value);
            return text.ToString();
        }

        private static void Append(StringBuilder text, object? value)
        {
            switch (value)
            {
                case null:
                    text.Append("null");
                    break;
                case string s:
                    AppendString(text, s);
                    break;
                case bool b:
                    text.Append(b ? "true" : "false");
                    break;
                case double d:
                    AppendNumber(text, d);
                    break;
                case int i:
                    text.Append(i.ToString(CultureInfo.InvariantCulture));
                    break;
                case long l:
                    text.Append(l.ToString(CultureInfo.InvariantCulture));
                    break;
                case IDictionary<string, object?> members:
                    AppendObject(text, members);
                    break;
                case IEnumerable items:
                    AppendArray(text, items);
                    break;
                default:
                    throw new ArgumentException($"A {value.GetType().Name} cannot be written as JSON.", nameof(value));
            }
        }

        private static void AppendObject(StringBuilder text, IDictionary<string, object?> members)
        {
            text.Append('{');
            var first = true;
            foreach (var member in members)
            {
                if (!first)
                {
                    text.Append(',');
                }

                first = false;
                AppendString(text, member.Key);
                text.Append(':');
                Append(text, member.Value);
            }

            text.Append('}');
        }

        private static void AppendArray(StringBuilder text, IEnumerable items)
        {
            text.Append('[');
            var first = true;
            foreach (var item in items)
            {
                if (!first)
                {
                    text.Append(',');
                }

                first = false;
                Append(text, item);
            }

            text.Append(']');
        }

        // Whole numbers go out without a fraction: relays parse ids, quotas and times into Go integers.
        private static void AppendNumber(StringBuilder text, double number)
        {
            if (double.IsNaN(number) || double.IsInfinity(number))
            {
                throw new ArgumentException("NaN and infinity cannot be written as JSON.", nameof(number));
            }

            text.Append(Math.Floor(number) == number && Math.Abs(number) < 9007199254740992d
                ? ((long)number).ToString(CultureInfo.InvariantCulture)
                : number.ToString("R", CultureInfo.InvariantCulture));
        }

        private static void AppendString(StringBuilder text, string value)
        {
            text.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': text.Append("\\\""); break;
                    case '\\': text.Append("\\\\"); break;
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\t': text.Append("\\t"); break;
                    default:
                        if (c < ' ')
                        {
                            text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            text.Append(c);
                        }

                        break;
                }
            }

            text.Append('"');
        }
    }
}
