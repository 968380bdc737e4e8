using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Http
{
    /// <summary>Reads a request body into pooled memory, never more than a cap.</summary>
    public static class BoundedBodyReader
    {
        private const int InitialSize = 16 * 1024;

        public static async Task<BoundedBody> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            if (request.ContentLength > maxBytes)
            {
                return new BoundedBody(null, 0, tooLarge: true);
            }

            byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
            int length = 0;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (buffer.Length > maxBytes)
                        {
                            ArrayPool<byte>.Shared.Return(buffer);
                            return new BoundedBody(null, 0, tooLarge: true);
                        }

                        byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    int read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }

            if (length > maxBytes)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return new BoundedBody(null, 0, tooLarge: true);
            }

            return new BoundedBody(buffer, length, tooLarge: false);
        }
    }
}
