using System.Threading.Tasks;
using ChatAnywhere.Emulator.DataPlane;
using ChatAnywhere.Emulator.Fixtures;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities
{
    /// <summary>
    /// A prefix held for a personality still to come (/relay: other one-api/new-api paths), so those
    /// paths never fall through to ChatAnywhere. Answers 404 without a body until then.
    /// </summary>
    public sealed class ReservedPersonality : IPersonality
    {
        private static readonly CannedAnswer NotYetEmulated = CannedAnswer.Empty(StatusCodes.Status404NotFound);

        public ReservedPersonality(string name, PathString prefix)
        {
            Name = name;
            Prefix = prefix;
        }

        public string Name { get; }

        public PathString Prefix { get; }

        public Task AnswerAsync(DataPlaneRequest request) => NotYetEmulated.WriteAsync(request.Context);
    }
}
