using System.Net.Http.Headers;
using VideoHub.Providers.OpenAiCompatible.Wire;

namespace VideoHub.Providers.OpenAiCompatible;

/// <summary>The calls that may carry files: JSON when nothing is uploaded, multipart (bracketed fields) otherwise.</summary>
public sealed partial class OpenAiCompatibleClient
{
    public Task<ProviderResult<ProviderVideo>> CreateVideoAsync(VideoCreateRequest request, CancellationToken ct = default)
    {
        var image = request.ImageReference;
        HttpContent body;
        if (image?.Upload is { } upload)
        {
            var form = new MultipartFormDataContent();
            form.Add(new StringContent(request.Prompt), "prompt");
            AddOptional(form, "model", request.Model);
            AddOptional(form, "size", request.Size);
            AddOptional(form, "seconds", request.Seconds is { } s ? WireMapping.Seconds(s) : null);
            foreach (var id in request.CharacterIds) form.Add(new StringContent(id), "characters[][id]");
            AddFile(form, "input_reference", upload);
            body = form;
        }
        else
        {
            body = Json(new VideoCreateBody
            {
                Prompt = request.Prompt,
                Model = request.Model,
                Size = request.Size,
                Seconds = request.Seconds is { } s ? WireMapping.Seconds(s) : null,
                InputReference = image is null ? null : new ImageRefBody { FileId = image.FileId, ImageUrl = image.ImageUrl },
                Characters = request.CharacterIds.Count == 0 ? null : request.CharacterIds.Select(id => new IdRef { Id = id }).ToList(),
            });
        }
        return SendAsync<VideoDto, ProviderVideo>(HttpMethod.Post, "videos", body, request.IdempotencyKey, ToVideo, ct);
    }

    public Task<ProviderResult<ProviderVideo>> EditVideoAsync(VideoEditRequest request, CancellationToken ct = default)
    {
        HttpContent body;
        if (request.VideoUpload is { } upload)
        {
            var form = new MultipartFormDataContent();
            form.Add(new StringContent(request.Prompt), "prompt");
            AddOptional(form, "model", request.Model);
            AddFile(form, "video", upload);
            body = form;
        }
        else
        {
            body = Json(new VideoEditBody
            {
                Prompt = request.Prompt,
                Model = request.Model,
                Video = request.VideoId is null ? null : new IdRef { Id = request.VideoId },
            });
        }
        return SendAsync<VideoDto, ProviderVideo>(HttpMethod.Post, "videos/edits", body, request.IdempotencyKey, ToVideo, ct);
    }

    public Task<ProviderResult<ProviderCharacter>> CreateCharacterAsync(CharacterCreateRequest request, CancellationToken ct = default)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(request.Name), "name");
        AddFile(form, "video", request.Clip);
        return SendAsync<CharacterDto, ProviderCharacter>(HttpMethod.Post, "videos/characters", form, request.IdempotencyKey,
            (d, _) => WireMapping.ToCharacter(d), ct);
    }

    public Task<ProviderResult<ProviderFile>> UploadBatchFileAsync(UploadFile file, string? idempotencyKey = null,
        CancellationToken ct = default)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent("batch"), "purpose");
        AddFile(form, "file", file);
        return SendAsync<FileDto, ProviderFile>(HttpMethod.Post, "files", form, idempotencyKey,
            (d, _) => WireMapping.ToFile(d), ct);
    }

    private static void AddOptional(MultipartFormDataContent form, string name, string? value)
    {
        if (value is not null) form.Add(new StringContent(value), name);
    }

    private static void AddFile(MultipartFormDataContent form, string name, UploadFile file)
    {
        // The stream belongs to the caller: wrap it so disposing the request does not close it.
        var part = new StreamContent(new NonClosingStream(file.Content));
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
        form.Add(part, name, file.FileName);
    }
}
