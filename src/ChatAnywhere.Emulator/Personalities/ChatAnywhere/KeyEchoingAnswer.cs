using System;
using ChatAnywhere.Emulator.Fixtures;

namespace ChatAnywhere.Emulator.Personalities.ChatAnywhere
{
    /// <summary>
    /// A captured answer as sent to one key: since 2025 ChatAnywhere echoes the key masked
    /// ("(当前请求使用的ApiKey: sk-vTK****Qap2)", CA-403-free-models-2025-apikey-suffix); older captures echo nothing.
    /// </summary>
    public sealed class KeyEchoingAnswer
    {
        private readonly FixtureTemplate? _template;
        private readonly CannedAnswer? _unchanging;

        /// <summary>A capture that echoes the key: its sample mask is replaced by the mask of the key sent.</summary>
        public KeyEchoingAnswer(FixtureTemplate template)
        {
            _template = template ?? throw new ArgumentNullException(nameof(template));
        }

        /// <summary>A capture from before the echo: the same bytes for every key.</summary>
        public KeyEchoingAnswer(CannedAnswer unchanging)
        {
            _unchanging = unchanging ?? throw new ArgumentNullException(nameof(unchanging));
        }

        public CannedAnswer For(string key) => _template is not null ? _template.Fill(ChatAnywhereKeyMask.Mask(key)) : _unchanging!;
    }
}
