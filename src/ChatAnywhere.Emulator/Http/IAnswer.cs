using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Http
{
    /// <summary>What a personality sends: a whole body at once, or a stream of frames.</summary>
    public interface IAnswer
    {
        /// <summary>The HTTP status the answer starts with.</summary>
        int Status { get; }

        Task WriteAsync(HttpContext context);
    }
}
