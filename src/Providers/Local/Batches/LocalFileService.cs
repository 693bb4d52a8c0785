using VideoHub.Providers.OpenAiCompatible.Wire;

namespace VideoHub.Providers.Local;

/// <summary>POST /files and friends: batch input files, image files for input_reference.file_id, batch outputs.</summary>
public sealed class LocalFileService(LocalProviderStore store, TimeProvider clock)
{
    private static readonly string[] Purposes = ["batch", "vision", "user_data", "assistants"];
    public const string OutputPurpose = "batch_output";

    public async Task<LocalFile> UploadAsync(WireRequest request, CancellationToken ct)
    {
        var purpose = request.Fields.String("purpose") ?? throw WireError.Missing("purpose");
        if (!Purposes.Contains(purpose))
            throw WireError.Invalid($"Invalid value: '{purpose}'. Supported values are: {string.Join(", ", Purposes.Select(p => $"'{p}'"))}.", "purpose");
        var upload = request.File("file") ?? throw WireError.Missing("file");
        var id = LocalProviderStore.NewId("file-");
        var temp = store.Paths.FileContent(id) + ".tmp";
        Directory.CreateDirectory(store.Paths.Files);
        await using (var target = File.Create(temp)) await upload.CopyToAsync(target, ct);
        AtomicFile.Publish(temp, store.Paths.FileContent(id));
        var file = new LocalFile(id, Path.GetFileName(upload.FileName), upload.Length, purpose, clock.GetUtcNow());
        store.Files.Put(file);
        return file;
    }

    /// <summary>Stores content the provider itself produced (a batch's output JSONL).</summary>
    public LocalFile Write(string fileName, string purpose, ReadOnlySpan<byte> content)
    {
        var id = LocalProviderStore.NewId("file-");
        Directory.CreateDirectory(store.Paths.Files);
        AtomicFile.WriteAllBytes(store.Paths.FileContent(id), content);
        var file = new LocalFile(id, fileName, content.Length, purpose, clock.GetUtcNow());
        store.Files.Put(file);
        return file;
    }

    public LocalFile Get(string id) => store.Files.Get(id) ?? throw WireError.NotFound($"No such File object: {id}", "file_id");

    public string ContentPath(string id) => store.Paths.FileContent(Get(id).Id);

    public static FileDto ToDto(LocalFile f) => new()
    {
        Id = f.Id,
        Bytes = f.Bytes,
        CreatedAt = f.CreatedAt.ToUnixTimeSeconds(),
        Filename = f.FileName,
        Purpose = f.Purpose,
        Status = "processed",
    };
}
