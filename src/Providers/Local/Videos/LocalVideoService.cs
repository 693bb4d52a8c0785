using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using VideoHub.Providers.OpenAiCompatible.Wire;

namespace VideoHub.Providers.Local;

/// <summary>Accepts render jobs (create, remix, edit, extend) after checking them like the real service.</summary>
public sealed class LocalVideoService(LocalProviderStore store, LocalInputs inputs, LocalModeration moderation,
    LocalWorkSignal work, TimeProvider clock, IOptions<LocalProviderOptions> options)
{
    public async Task<LocalJob> CreateAsync(WireRequest request, LocalFaults faults, string? batchId, CancellationToken ct)
    {
        var body = request.Fields;
        var prompt = LocalValidation.Prompt(body);
        var model = LocalValidation.Model(body);
        var size = LocalValidation.Size(body, model);
        var seconds = LocalValidation.Seconds(body);
        var characters = Characters(body);
        var job = NewJob(model, prompt, size, seconds, LocalOperations.Create, faults) with
        {
            CharacterIds = characters.Select(c => c.Id).ToList(),
            CharacterNames = characters.Select(c => c.Name).ToList(),
            BatchId = batchId,
        };
        return await AcceptAsync(job, async folder =>
            job with { InputImage = await inputs.SaveImageReferenceAsync(request, size, folder, ct) });
    }

    public Task<LocalJob> RemixAsync(string sourceId, WireRequest request, LocalFaults faults)
    {
        var prompt = LocalValidation.Prompt(request.Fields);
        var source = CompletedSource(sourceId, "video_id", "remixed");
        return AcceptAsync(NewJob(source.Model, prompt, source.Size, source.Seconds, LocalOperations.Remix, faults) with
        {
            SourceVideoId = source.Id,
            RemixedFromVideoId = source.Id,
            CharacterNames = source.CharacterNames,
        });
    }

    public async Task<LocalJob> EditAsync(WireRequest request, LocalFaults faults, CancellationToken ct)
    {
        var body = request.Fields;
        var prompt = LocalValidation.Prompt(body);
        if (request.File("video") is { } upload)
        {
            var job = NewJob(LocalValidation.Model(body), prompt, "", 0, LocalOperations.Edit, faults);
            return await AcceptAsync(job, async folder =>
            {
                var (name, size, seconds) = await LocalInputs.SaveSourceClipAsync(upload, folder, ct);
                return job with { UploadedSource = name, Size = size, Seconds = seconds };
            });
        }
        var sourceId = body.Object("video")?.String("id") ?? throw WireError.Missing("video");
        var source = CompletedSource(sourceId, "video", "edited");
        return await AcceptAsync(NewJob(source.Model, prompt, source.Size, source.Seconds, LocalOperations.Edit, faults) with
        {
            SourceVideoId = source.Id,
            CharacterNames = source.CharacterNames,
        });
    }

    public Task<LocalJob> ExtendAsync(WireRequest request, LocalFaults faults)
    {
        var body = request.Fields;
        var prompt = LocalValidation.Prompt(body);
        if (body["characters"] is not null)
            throw WireError.Invalid("Extensions do not support characters.", "characters", "unsupported_parameter");
        if (body[LocalInputs.ImageParam] is not null || request.File(LocalInputs.ImageParam) is not null)
            throw WireError.Invalid("Extensions do not support image references.", LocalInputs.ImageParam, "unsupported_parameter");
        if (request.File("video") is not null)
            throw WireError.Invalid("This provider extends only its own completed videos: send video[id].", "video", "unsupported_parameter");
        var segment = LocalValidation.Seconds(body, required: true);
        var sourceId = body.Object("video")?.String("id") ?? throw WireError.Missing("video");
        var source = CompletedSource(sourceId, "video", "extended");
        if (source.Extensions >= LocalValidation.MaxExtensions)
            throw WireError.Invalid($"Video '{source.Id}' has already been extended {source.Extensions} times; a video can be extended at most {LocalValidation.MaxExtensions} times.",
                "video", "extension_limit_reached");
        var total = source.Seconds + segment;
        if (total > LocalValidation.MaxChainSeconds)
            throw WireError.Invalid($"Extending '{source.Id}' ({source.Seconds} s) by {segment} s would make {total} s; the maximum is {LocalValidation.MaxChainSeconds} s.",
                "seconds", "duration_limit_reached");
        return AcceptAsync(NewJob(source.Model, prompt, source.Size, total, LocalOperations.Extend, faults) with
        {
            SourceVideoId = source.Id,
            Extensions = source.Extensions + 1,
            CharacterNames = source.CharacterNames,
        });
    }

    public LocalJob Get(string id) => store.Jobs.Get(id) ?? throw NotFound(id);

    public LocalJob? Find(string id) => store.Jobs.Get(id);

    public VideoDto ToDto(LocalJob job) => new()
    {
        Id = job.Id,
        Model = job.Model,
        Status = job.Status,
        Progress = job.Progress,
        CreatedAt = job.CreatedAt.ToUnixTimeSeconds(),
        CompletedAt = job.CompletedAt?.ToUnixTimeSeconds(),
        ExpiresAt = job.ExpiresAt?.ToUnixTimeSeconds(),
        Prompt = job.Prompt,
        Size = job.Size,
        Seconds = WireMappingSeconds(job.Seconds),
        RemixedFromVideoId = job.RemixedFromVideoId,
        Error = job.Error is null ? null : new VideoErrorDto { Code = job.Error.Code, Message = job.Error.Message },
    };

    public static WireError NotFound(string id) => WireError.NotFound($"Video with id '{id}' not found.", "video_id");

    private static string WireMappingSeconds(int s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private LocalJob NewJob(string model, string prompt, string size, int seconds, string operation, LocalFaults faults) => new()
    {
        Id = LocalProviderStore.NewId("video_"),
        Model = model,
        Prompt = prompt,
        Size = size,
        Seconds = seconds,
        Operation = operation,
        CreatedAt = clock.GetUtcNow(),
        PlannedError = moderation.Check(prompt) ?? (faults.Fail
            ? new LocalJobError("video_generation_failed", "The video could not be generated. Please try again.")
            : null),
    };

    private async Task<LocalJob> AcceptAsync(LocalJob job, Func<string, Task<LocalJob>>? withFiles = null)
    {
        var folder = store.Paths.Media(job.Id);
        try
        {
            if (withFiles is not null) job = await withFiles(folder);
            store.Jobs.Put(job);
        }
        catch
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            throw;
        }
        work.Wake();
        return job;
    }

    private LocalJob CompletedSource(string id, string param, string verb)
    {
        var source = store.Jobs.Get(id) ?? throw WireError.NotFound($"Video with id '{id}' not found.", param);
        if (source.Status != LocalStatus.Completed)
            throw WireError.Invalid($"Video '{id}' is {source.Status}; only completed videos can be {verb}.", param, "invalid_video_status");
        if (source.ExpiresAt < clock.GetUtcNow())
            throw WireError.Invalid($"Video '{id}' has expired and can no longer be {verb}.", param, "video_expired");
        return source;
    }

    private List<LocalCharacter> Characters(JsonObject body)
    {
        var ids = body.IdList("characters");
        if (ids.Count > LocalValidation.MaxCharacters)
            throw WireError.Invalid($"Invalid 'characters': array too long. Expected an array with maximum length {LocalValidation.MaxCharacters}, but got an array with length {ids.Count} instead.",
                "characters", "array_above_max_length");
        return ids.Select((id, i) => store.Characters.Get(id)
            ?? throw WireError.Invalid($"Invalid 'characters[{i}].id': no character with id '{id}'.", $"characters[{i}].id")).ToList();
    }

    /// <summary>How long a finished job's files stay downloadable.</summary>
    public TimeSpan ContentLifetime => options.Value.ContentLifetime;
}
