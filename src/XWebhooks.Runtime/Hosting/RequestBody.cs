using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace XWebhooks.Hosting;

/// <summary>
/// A request body read whole into a buffer rented from <see cref="ArrayPool{T}.Shared"/>, so signature
/// verification and parsing see the exact bytes X sent without a per-request allocation of the body.
/// </summary>
internal sealed class RequestBody
{
    private byte[]? buffer;

    private RequestBody(byte[] buffer, int length)
    {
        this.buffer = buffer;
        Memory = buffer.AsMemory(0, length);
    }

    public ReadOnlyMemory<byte> Memory { get; }

    /// <summary>Reads the body, or returns null as soon as it is known to exceed <paramref name="maxBytes"/>.</summary>
    public static async ValueTask<RequestBody?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var sequence = result.Buffer;
            if (sequence.Length > maxBytes)
            {
                reader.AdvanceTo(sequence.End);
                return null;
            }

            if (result.IsCompleted)
            {
                var length = (int)sequence.Length;
                var rented = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
                sequence.CopyTo(rented);
                reader.AdvanceTo(sequence.End);
                return new RequestBody(rented, length);
            }

            // Keep everything buffered until the body is complete.
            reader.AdvanceTo(sequence.Start, sequence.End);
        }
    }

    /// <summary>Returns the buffer to the pool. Only call when nothing can still read <see cref="Memory"/>.</summary>
    public void Return()
    {
        if (Interlocked.Exchange(ref buffer, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
