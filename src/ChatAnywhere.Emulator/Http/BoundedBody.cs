using System;
using System.Buffers;

namespace ChatAnywhere.Emulator.Http
{
    /// <summary>A request body read into a pooled buffer, or the fact that it was over the cap.</summary>
    public sealed class BoundedBody : IDisposable
    {
        private byte[]? _buffer;

        internal BoundedBody(byte[]? buffer, int length, bool tooLarge)
        {
            _buffer = buffer;
            Length = length;
            TooLarge = tooLarge;
        }

        public bool TooLarge { get; }

        public int Length { get; }

        public ReadOnlyMemory<byte> Content => _buffer is null ? ReadOnlyMemory<byte>.Empty : _buffer.AsMemory(0, Length);

        public void Dispose()
        {
            if (_buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = null;
            }
        }
    }
}
