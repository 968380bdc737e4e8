using System.Threading.Tasks;
using ChatAnywhere.Emulator.DataPlane;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities
{
    /// <summary>One emulated service, mounted at a path prefix of the single emulator process.</summary>
    public interface IPersonality
    {
        /// <summary>Name recorded in the request log ("chatanywhere", "openai", ...).</summary>
        string Name { get; }

        /// <summary>Mount point; empty for the service at the root.</summary>
        PathString Prefix { get; }

        /// <summary>Answers a request whose faults (if any) have been applied already.</summary>
        Task AnswerAsync(DataPlaneRequest request);
    }
}
