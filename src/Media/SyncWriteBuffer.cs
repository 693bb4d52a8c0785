namespace VideoHub.Media;

/// <summary>
/// ZipArchive still writes its small records (entry headers, data descriptors, the central directory) with
/// synchronous calls, which Kestrel refuses. This keeps those few bytes and sends them with the next asynchronous
/// write or flush; file data, written asynchronously, goes straight through and is never held.
/// </summary>
public sealed class SyncWriteBuffer(Stream inner) : Stream
{
    private readonly MemoryStream pending = new();
    private long written;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    public override void Write(ReadOnlySpan<byte> buffer) { pending.Write(buffer); written += buffer.Length; }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        await DrainAsync(ct);
        await inner.WriteAsync(buffer, ct);
        written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) => WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override async Task FlushAsync(CancellationToken ct)
    {
        await DrainAsync(ct);
        await inner.FlushAsync(ct);
    }

    private async Task DrainAsync(CancellationToken ct)
    {
        if (pending.Length == 0) return;
        await inner.WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), ct);
        pending.SetLength(0);
    }

    public override void Flush() { /* kept until the next asynchronous write or flush */ }
    public override ValueTask DisposeAsync() => new(DrainAsync(CancellationToken.None));
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => written;
    public override long Position { get => written; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
