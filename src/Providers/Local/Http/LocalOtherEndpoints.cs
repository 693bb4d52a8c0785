using Microsoft.Extensions.Options;
using VideoHub.Providers.OpenAiCompatible.Wire;

namespace VideoHub.Providers.Local;

/// <summary>Characters, files and batches (reference §1 rows 9–10, §7).</summary>
public static class LocalOtherEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/videos/characters", async (HttpContext http, LocalCharacterService characters, LocalProviderStore store,
            IdempotencyGuard once, IOptions<LocalProviderOptions> o) =>
        {
            var request = await WireRequest.ReadAsync(http, o.Value.MaxUploadBytes, http.RequestAborted);
            return await once.RunAsync(http,
                async () => (await characters.CreateAsync(request, http.RequestAborted)) is var c ? (c.Id, Json(LocalCharacterService.ToDto(c))) : default,
                id => store.Characters.Get(id) is { } c ? Json(LocalCharacterService.ToDto(c)) : null);
        });
        v1.MapGet("/videos/characters/{characterId}", (string characterId, LocalCharacterService characters) =>
            Json(LocalCharacterService.ToDto(characters.Get(characterId))));

        v1.MapPost("/files", async (HttpContext http, LocalFileService files, LocalProviderStore store, IdempotencyGuard once,
            IOptions<LocalProviderOptions> o) =>
        {
            var request = await WireRequest.ReadAsync(http, o.Value.MaxBatchFileBytes, http.RequestAborted);
            return await once.RunAsync(http,
                async () => (await files.UploadAsync(request, http.RequestAborted)) is var f ? (f.Id, Json(LocalFileService.ToDto(f))) : default,
                id => store.Files.Get(id) is { } f ? Json(LocalFileService.ToDto(f)) : null);
        });
        v1.MapGet("/files/{fileId}", (string fileId, LocalFileService files) => Json(LocalFileService.ToDto(files.Get(fileId))));

        v1.MapPost("/batches", async (HttpContext http, LocalBatchService batches, LocalProviderStore store, IdempotencyGuard once,
            IOptions<LocalProviderOptions> o) =>
        {
            var request = await WireRequest.ReadAsync(http, o.Value.MaxUploadBytes, http.RequestAborted);
            return await once.RunAsync(http,
                () => Task.FromResult(batches.Create(request) is var b ? (b.Id, Json(batches.ToDto(b))) : default),
                id => store.Batches.Get(id) is { } b ? Json(batches.ToDto(b)) : null);
        });
        v1.MapGet("/batches/{batchId}", (string batchId, LocalBatchService batches) => Json(batches.ToDto(batches.Get(batchId))));
        v1.MapPost("/batches/{batchId}/cancel", (string batchId, LocalBatchService batches) => Json(batches.ToDto(batches.Cancel(batchId))));
    }

    private static IResult Json<T>(T body) => Results.Json(body, WireJson.Responses);
}
