using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ChatAnywhere.Engine.Json
{
    /// <summary>
    /// A small, strict JSON reader for error bodies. The engine targets netstandard2.0 and
    /// Windows PowerShell 5.1 carries no JSON library, so taking a dependency here would invite
    /// assembly conflicts (toolchain notes). Objects become dictionaries, arrays lists, numbers
    /// doubles; anything that is not complete, valid JSON is refused, never guessed at.
    /// </summary>
    internal static class JsonLite
    {
        private const int MaxDepth = 64;

        /// <summary>Parses <paramref name="text"/>; false when it is not one complete JSON value.</summary>
        public static bool TryParse(string? text, out object? value)
        {
            value = null;
            if (string.IsNullOrEmpty(text))
            {
                return false;
            }

            // Pages and plain text are refused without the cost of an exception: they are common answers.
            if (!StartsLikeJson(text!))
            {
                return false;
            }

            var reader = new Reader(text!);
            try
            {
                reader.SkipWhitespace();
                value = reader.ReadValue(0);
                reader.SkipWhitespace();
                if (!reader.AtEnd)
                {
                    value = null;
                    return false;
                }

                return true;
            }
            catch (FormatException)
            {
                value = null;
                return false;
            }
        }

        private static bool StartsLikeJson(string text)
        {
            foreach (var c in text)
            {
                if (!char.IsWhiteSpace(c))
                {
                    return c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n';
                }
            }

            return false;
        }

        /// <summary>The member <paramref name="name"/> of an object, or null.</summary>
        public static object? Member(object? obj, string name) =>
            obj is Dictionary<string, object?> dict && dict.TryGetValue(name, out var member) ? member : null;

        /// <summary>A scalar member rendered as text (strings as they are, numbers and booleans invariant), or null.</summary>
        public static string? Text(object? obj, string name) => Member(obj, name) switch
        {
            string s => s,
            double d => d.ToString(CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            _ => null,
        };

        private sealed class Reader
        {
            private readonly string _text;
            private int _pos;

            public Reader(string text) => _text = text;

            public bool AtEnd => _pos >= _text.Length;

            public void SkipWhitespace()
            {
                while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t' || _text[_pos] == '\n' || _text[_pos] == '\r' || _text[_pos] == '\uFEFF'))
                {
                    _pos++;
                }
            }

            public object? ReadValue(int depth)
            {
                if (depth > MaxDepth)
                {
                    throw new FormatException("too deep");
                }

                if (AtEnd)
                {
                    throw new FormatException("unexpected end");
                }

                switch (_text[_pos])
                {
                    case '{': return ReadObject(depth);
                    case '[': return ReadArray(depth);
                    case '"': return ReadString();
                    case 't': Expect("true"); return true;
                    case 'f': Expect("false"); return false;
                    case 'n': Expect("null"); return null;
                    default: return ReadNumber();
                }
            }

            private static readonly char[] QuoteOrBackslash = { '"', '\\' };

            private Dictionary<string, object?> ReadObject(int depth)
            {
                var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                _pos++;
                SkipWhitespace();
                if (Peek() == '}')
                {
                    _pos++;
                    return result;
                }

                while (true)
                {
                    SkipWhitespace();
                    if (Peek() != '"')
                    {
                        throw new FormatException("expected a name");
                    }

                    var name = ReadString();
                    SkipWhitespace();
                    Consume(':');
                    SkipWhitespace();
                    result[name] = ReadValue(depth + 1);
                    SkipWhitespace();
                    if (Peek() == ',')
                    {
                        _pos++;
                        continue;
                    }

                    Consume('}');
                    return result;
                }
            }

            private List<object?> ReadArray(int depth)
            {
                var result = new List<object?>();
                _pos++;
                SkipWhitespace();
                if (Peek() == ']')
                {
                    _pos++;
                    return result;
                }

                while (true)
                {
                    SkipWhitespace();
                    result.Add(ReadValue(depth + 1));
                    SkipWhitespace();
                    if (Peek() == ',')
                    {
                        _pos++;
                        continue;
                    }

                    Consume(']');
                    return result;
                }
            }

            private string ReadString()
            {
                _pos++;

                // Most strings have no escapes: take them in one piece (error messages run to kilobytes).
                var end = _text.IndexOfAny(QuoteOrBackslash, _pos);
                if (end >= 0 && _text[end] == '"')
                {
                    var plain = _text.Substring(_pos, end - _pos);
                    _pos = end + 1;
                    return plain;
                }

                var builder = new StringBuilder();
                while (true)
                {
                    if (AtEnd)
                    {
                        throw new FormatException("unterminated string");
                    }

                    var c = _text[_pos++];
                    if (c == '"')
                    {
                        return builder.ToString();
                    }

                    if (c != '\\')
                    {
                        builder.Append(c);
                        continue;
                    }

                    if (AtEnd)
                    {
                        throw new FormatException("unterminated escape");
                    }

                    var e = _text[_pos++];
                    switch (e)
                    {
                        case '"': builder.Append('"'); break;
                        case '\\': builder.Append('\\'); break;
                        case '/': builder.Append('/'); break;
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'n': builder.Append('\n'); break;
                        case 'r': builder.Append('\r'); break;
                        case 't': builder.Append('\t'); break;
                        case 'u':
                            if (_pos + 4 > _text.Length ||
                                !int.TryParse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                            {
                                throw new FormatException("bad unicode escape");
                            }

                            builder.Append((char)code);
                            _pos += 4;
                            break;
                        default:
                            throw new FormatException("bad escape");
                    }
                }
            }

            private double ReadNumber()
            {
                var start = _pos;
                while (_pos < _text.Length && "+-0123456789.eE".IndexOf(_text[_pos]) >= 0)
                {
                    _pos++;
                }

                if (start == _pos ||
                    !double.TryParse(_text.Substring(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    throw new FormatException("bad number");
                }

                return number;
            }

            private void Expect(string literal)
            {
                if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
                {
                    throw new FormatException("bad literal");
                }

                _pos += literal.Length;
            }

            private char Peek() => AtEnd ? '\0' : _text[_pos];

            private void Consume(char expected)
            {
                if (Peek() != expected)
                {
                    throw new FormatException("unexpected character");
                }

                _pos++;
            }
        }
    }
}
