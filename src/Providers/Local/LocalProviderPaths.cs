namespace VideoHub.Providers.Local;

/// <summary>The local provider's own folder: it shares nothing with VideoHub's database or media.</summary>
public sealed class LocalProviderPaths(string root)
{
    public string Root { get; } = Path.GetFullPath(root);
    public string Jobs => Path.Combine(Root, "jobs");
    public string Characters => Path.Combine(Root, "characters");
    public string Files => Path.Combine(Root, "files");
    public string Batches => Path.Combine(Root, "batches");
    public string Idempotency => Path.Combine(Root, "idempotency");
    public string Uploads => Path.Combine(Root, "uploads");
    public string KeyFile => Path.Combine(Root, "api-key");

    public string Media(string jobId) => Path.Combine(Root, "media", jobId);
    public string FileContent(string fileId) => Path.Combine(Files, fileId + ".bin");
    public string CharacterClip(string characterId) => Path.Combine(Characters, characterId + ".mp4");
}
