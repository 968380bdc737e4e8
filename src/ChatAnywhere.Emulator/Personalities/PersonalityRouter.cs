using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities
{
    /// <summary>Picks the personality by path prefix; the one with an empty prefix takes everything else.</summary>
    public sealed class PersonalityRouter
    {
        private readonly IPersonality[] _prefixed;
        private readonly IPersonality _root;

        public PersonalityRouter(IEnumerable<IPersonality> personalities)
        {
            IPersonality[] all = [.. personalities];
            _root = all.Single(personality => !personality.Prefix.HasValue);
            _prefixed = [.. all.Where(personality => personality.Prefix.HasValue)];
        }

        /// <param name="pathWithin">The path below the personality's prefix ("/v1/models" for "/openai/v1/models").</param>
        public IPersonality Select(PathString path, out PathString pathWithin)
        {
            foreach (IPersonality personality in _prefixed)
            {
                if (path.StartsWithSegments(personality.Prefix, StringComparison.OrdinalIgnoreCase, out PathString remaining))
                {
                    pathWithin = remaining;
                    return personality;
                }
            }

            pathWithin = path;
            return _root;
        }
    }
}
