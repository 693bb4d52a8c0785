namespace VideoHub.Providers.Local;

/// <summary>Every object the local provider keeps, each kind in its own folder of JSON files.</summary>
public sealed class LocalProviderStore
{
    public LocalProviderStore(LocalProviderPaths paths, ILogger<LocalProviderStore> log)
    {
        Paths = paths;
        Jobs = new(paths.Jobs, j => j.Id, log);
        Characters = new(paths.Characters, c => c.Id, log);
        Files = new(paths.Files, f => f.Id, log);
        Batches = new(paths.Batches, b => b.Id, log);
        Idempotency = new(paths.Idempotency, r => r.Id, log);
        Jobs.Load();
        Characters.Load();
        Files.Load();
        Batches.Load();
        Idempotency.Load();
        Directory.CreateDirectory(paths.Uploads);
    }

    public LocalProviderPaths Paths { get; }
    public JsonFileCollection<LocalJob> Jobs { get; }
    public JsonFileCollection<LocalCharacter> Characters { get; }
    public JsonFileCollection<LocalFile> Files { get; }
    public JsonFileCollection<LocalBatch> Batches { get; }
    public JsonFileCollection<IdempotencyRecord> Idempotency { get; }

    /// <summary>A new id in the style of the real service ("video_68d7…").</summary>
    public static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N");
}
