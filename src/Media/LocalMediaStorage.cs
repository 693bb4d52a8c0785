using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using VideoHub.Hosting;

namespace VideoHub.Media;

/// <summary>Media on local disk under &lt;Data:Path&gt;/media.</summary>
public sealed partial class LocalMediaStorage(IOptions<DataOptions> data) : IMediaStorage
{
    public const string TempSuffix = ".partial";

    private string Root => data.Value.MediaPath;

    public MediaWrite BeginWrite(string key)
    {
        var destination = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var temp = $"{destination}.{Guid.NewGuid():N}{TempSuffix}";
        return new MediaWrite(key, destination, temp);
    }

    public bool Exists(string key) => File.Exists(PathOf(key));

    public FileInfo? GetFile(string key)
    {
        var file = new FileInfo(PathOf(key));
        return file.Exists ? file : null;
    }

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public int DeleteStaleTempFiles(DateTime olderThan)
    {
        if (!Directory.Exists(Root)) return 0;
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(Root, "*" + TempSuffix, SearchOption.AllDirectories))
        {
            if (File.GetLastWriteTimeUtc(file) >= olderThan) continue;
            try { File.Delete(file); deleted++; } catch (IOException) { /* in use; next time */ }
        }
        return deleted;
    }

    private string PathOf(string key)
    {
        if (!KeyPattern().IsMatch(key) || key.Contains("..", StringComparison.Ordinal))
            throw new ArgumentException($"Not a media key: '{key}'.", nameof(key));
        return Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    // Keys are built from internal ids by the server, never from user input.
    [GeneratedRegex("^[a-z0-9][a-z0-9/._-]{0,250}$")]
    private static partial Regex KeyPattern();
}
