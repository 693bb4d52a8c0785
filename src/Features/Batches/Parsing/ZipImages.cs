using System.IO.Compression;

namespace VideoHub.Features.Batches.Parsing;

/// <summary>
/// The images zip uploaded beside a batch file, kept in a temp file while the preview is open. Entries are found
/// by file name only (folders in the zip are ignored); an entry larger than the image limit reads as missing.
/// </summary>
public sealed class ZipImages : IBatchImages, IDisposable
{
    private readonly string path;
    private readonly ZipArchive archive;
    private readonly Dictionary<string, ZipArchiveEntry> entries;

    private ZipImages(string path, ZipArchive archive)
    {
        this.path = path;
        this.archive = archive;
        entries = archive.Entries.Where(e => e.Length > 0)
            .GroupBy(e => Path.GetFileName(e.FullName), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Copies the upload to a temp file and opens it; null with a message when it is too big or not a zip.</summary>
    public static async Task<(ZipImages? Images, string? Error)> OpenAsync(Stream upload, CancellationToken ct = default)
    {
        var path = Path.Combine(Path.GetTempPath(), $"videohub-batch-{Guid.NewGuid():N}.zip");
        try
        {
            await using (var file = File.Create(path))
            {
                var buffer = new byte[81920];
                int read;
                long total = 0;
                while ((read = await upload.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > BatchLimits.MaxImagesZipBytes)
                    {
                        file.Close();
                        File.Delete(path);
                        return (null, $"The images zip is larger than {BatchLimits.Describe(BatchLimits.MaxImagesZipBytes)}.");
                    }
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            return (new ZipImages(path, ZipFile.OpenRead(path)), null);
        }
        catch (InvalidDataException)
        {
            File.Delete(path);
            return (null, "The images file is not a readable zip.");
        }
    }

    public IReadOnlyCollection<string> Names => entries.Keys;

    public bool Contains(string fileName) => entries.ContainsKey(Path.GetFileName(fileName));

    public byte[]? Read(string fileName)
    {
        if (!entries.TryGetValue(Path.GetFileName(fileName), out var entry) || entry.Length > BatchLimits.MaxImageBytes) return null;
        lock (archive)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream((int)entry.Length);
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }

    public void Dispose()
    {
        archive.Dispose();
        try { File.Delete(path); } catch (IOException) { /* best effort */ }
    }
}
