namespace VideoHub.Media;

/// <summary>
/// Where takes and their pictures live, addressed by keys made of internal ids only ("projects/{id}/videos/{id}/video.mp4").
/// Writes are atomic: a file is either absent or complete, never partial.
/// </summary>
public interface IMediaStorage
{
    /// <summary>Starts writing a file; nothing is visible under <paramref name="key"/> until <see cref="MediaWrite.CommitAsync"/>.</summary>
    MediaWrite BeginWrite(string key);

    bool Exists(string key);

    /// <summary>The file on local disk, for the server's file-sending path; null when it does not exist.</summary>
    FileInfo? GetFile(string key);

    Task DeleteAsync(string key, CancellationToken ct = default);

    /// <summary>Removes temp files of writes that never committed (a crash mid-download), older than <paramref name="olderThan"/>.</summary>
    int DeleteStaleTempFiles(DateTime olderThan);
}

/// <summary>
/// A file being written to a temp path beside its destination. Dispose without commit removes the temp file,
/// so a cut-off download leaves nothing behind.
/// </summary>
public sealed class MediaWrite : IAsyncDisposable
{
    private readonly string destination;
    private FileStream? stream;
    private bool committed;

    internal MediaWrite(string key, string destination, string tempPath)
    {
        Key = key;
        this.destination = destination;
        TempPath = tempPath;
        stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 64 * 1024, useAsync: true);
    }

    public string Key { get; }
    /// <summary>The temp file, for checks (ffprobe) before the commit.</summary>
    public string TempPath { get; }
    public Stream Stream => stream ?? throw new InvalidOperationException("The write is closed.");

    /// <summary>Flushes and closes the temp file so it can be checked; it stays invisible until committed.</summary>
    public async Task CloseAsync()
    {
        if (stream is null) return;
        await stream.FlushAsync();
        stream.Flush(flushToDisk: true);
        await stream.DisposeAsync();
        stream = null;
    }

    /// <summary>Renames the temp file into place (atomic on one file system), replacing an older copy.</summary>
    public async Task CommitAsync()
    {
        await CloseAsync();
        File.Move(TempPath, destination, overwrite: true);
        committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (stream is not null) await stream.DisposeAsync();
        stream = null;
        if (!committed)
        {
            try { File.Delete(TempPath); } catch (IOException) { /* housekeeping removes it later */ }
        }
    }
}
