using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace ChatAnywhere
{
    /// <summary>
    /// Lines of diagnosis or advice: a list to scripts and JSON, one readable text where a single
    /// value is needed. Export-Csv writes a property with ToString(), which for a plain array gives
    /// "System.String[]".
    /// </summary>
    public sealed class TextLines : ReadOnlyCollection<string>
    {
        /// <summary>No lines.</summary>
        public static readonly TextLines None = new TextLines(new string[0]);

        /// <summary>Wraps <paramref name="lines"/>.</summary>
        public TextLines(IList<string> lines)
            : base(lines)
        {
        }

        /// <summary>The lines joined by spaces (each line is a sentence).</summary>
        public override string ToString() => string.Join(" ", this);
    }
}
