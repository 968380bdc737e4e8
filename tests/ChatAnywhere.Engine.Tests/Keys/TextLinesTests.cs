using Xunit;

namespace ChatAnywhere.Engine.Tests.Keys
{
    public sealed class TextLinesTests
    {
        [Fact]
        public void Is_a_list_to_scripts_and_one_text_to_csv()
        {
            var lines = new TextLines(new[] { "The key is wrong.", "Copy it again." });

            Assert.Equal(2, lines.Count);
            Assert.Equal("Copy it again.", lines[1]);
            Assert.Equal("The key is wrong. Copy it again.", lines.ToString());
            Assert.Equal(string.Empty, TextLines.None.ToString());
        }
    }
}
