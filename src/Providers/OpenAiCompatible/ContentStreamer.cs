using System.Buffers;

namespace VideoHub.Providers.OpenAiCompatible;

/// <summary>
/// Streams a download into a destination stream through a small pooled buffer, so memory stays flat whatever the
/// size. Headers must come within the pipeline's timeout; the body within <see cref="ProviderHttpOptions.ContentTimeout"/>,
/// and no read may stall longer than <see cref="ProviderHttpOptions.ContentIdleTimeout"/>. A body shorter than its
/// Content-Length is reported as <see cref="ProviderErrorKind.Interrupted"/>, never as a success.
/// </summary>
public sealed class ContentStreamer(HttpClient http, ProviderHttpOptions options)
{
    private const int BufferSize = 128 * 1024;

    public async Task<ProviderResult<ContentDownload>> DownloadAsync(HttpRequestMessage request, Stream destination,
        CancellationToken ct)
    {
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(ct);
        overall.CancelAfter(options.ContentTimeout);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, overall.Token);
        if (!response.IsSuccessStatusCode) return await ProviderErrorMapper.FromResponseAsync(response, overall.Token);

        var expected = response.Content.Headers.ContentLength;
        var contentType = response.Content.Headers.ContentType?.MediaType;
        await using var body = await response.Content.ReadAsStreamAsync(overall.Token);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(overall.Token);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long total = 0;
        try
        {
            while (true)
            {
                idle.CancelAfter(options.ContentIdleTimeout);
                var read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), idle.Token);
                if (read == 0) break;
                await destination.WriteAsync(buffer.AsMemory(0, read), ct);
                total += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (expected is { } length && total != length)
            return new ProviderError(ProviderErrorKind.Interrupted,
                $"The download ended after {total} of {length} bytes.", StatusCode: (int)response.StatusCode);
        return new ContentDownload(total, contentType);
    }
}
