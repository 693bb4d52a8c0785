using System.Collections.Concurrent;
using System.Text.Json;

namespace VideoHub.Providers.Local;

/// <summary>
/// The local provider keeps each object (job, character, file, batch) as one JSON file written atomically (temp file
/// + rename) and holds all of them in memory. Why not SQLite: the objects are few, small and written by one process;
/// whole-file replacement can never leave a torn record, needs no schema or migrations, and a person can read the
/// folder. Everything is loaded at start, so jobs survive a restart.
/// </summary>
public sealed class JsonFileCollection<T>(string folder, Func<T, string> idOf, ILogger log) where T : class
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly ConcurrentDictionary<string, T> items = new(StringComparer.Ordinal);
    private readonly Lock writeLock = new();

    public void Load()
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            try
            {
                if (JsonSerializer.Deserialize<T>(File.ReadAllBytes(file), Json) is { } item) items[idOf(item)] = item;
            }
            catch (JsonException ex)
            {
                log.LogWarning(ex, "Skipping unreadable local provider record {File}", Path.GetFileName(file));
            }
        }
    }

    public T? Get(string id) => items.GetValueOrDefault(id);

    /// <summary>A snapshot of every item.</summary>
    public IReadOnlyList<T> All => items.Values.ToList();

    public void Put(T item)
    {
        lock (writeLock) Write(item);
    }

    /// <summary>Applies a change to the current version under the write lock; returns null when the id is unknown.</summary>
    public T? Update(string id, Func<T, T> change)
    {
        lock (writeLock)
        {
            if (!items.TryGetValue(id, out var current)) return null;
            var next = change(current);
            if (!ReferenceEquals(next, current)) Write(next);
            return next;
        }
    }

    public bool Remove(string id)
    {
        lock (writeLock)
        {
            File.Delete(PathOf(id));
            return items.TryRemove(id, out _);
        }
    }

    private void Write(T item)
    {
        var id = idOf(item);
        AtomicFile.WriteAllBytes(PathOf(id), JsonSerializer.SerializeToUtf8Bytes(item, Json));
        items[id] = item;
    }

    private string PathOf(string id) => Path.Combine(folder, id + ".json");
}
