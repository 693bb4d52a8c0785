using System.Globalization;
using Microsoft.Extensions.Options;
using VideoHub.Providers.OpenAiCompatible.Wire;

namespace VideoHub.Providers.Local;

/// <summary>The /videos endpoints of the wire format (reference §1, rows 1–8).</summary>
public static class LocalVideoEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/videos", (HttpContext http, LocalVideoService videos, IdempotencyGuard once, IOptions<LocalProviderOptions> o) =>
            CreateAsync(http, once, o, (request, faults) => videos.CreateAsync(request, faults, null, http.RequestAborted), videos));
        v1.MapPost("/videos/{videoId}/remix", (string videoId, HttpContext http, LocalVideoService videos, IdempotencyGuard once,
            IOptions<LocalProviderOptions> o) =>
            CreateAsync(http, once, o, (request, faults) => videos.RemixAsync(videoId, request, faults), videos));
        v1.MapPost("/videos/edits", (HttpContext http, LocalVideoService videos, IdempotencyGuard once, IOptions<LocalProviderOptions> o) =>
            CreateAsync(http, once, o, (request, faults) => videos.EditAsync(request, faults, http.RequestAborted), videos));
        v1.MapPost("/videos/extensions", (HttpContext http, LocalVideoService videos, IdempotencyGuard once, IOptions<LocalProviderOptions> o) =>
            CreateAsync(http, once, o, (request, faults) => videos.ExtendAsync(request, faults), videos));

        v1.MapGet("/videos/{videoId}", (string videoId, HttpContext http, LocalVideoService videos, IOptions<LocalProviderOptions> o) =>
            VideoResult(http, videos, videos.Get(videoId), o.Value));
        v1.MapGet("/videos", (HttpContext http, LocalProviderStore store, LocalVideoService videos) => List(http, store, videos));
        v1.MapDelete("/videos/{videoId}", (string videoId, LocalProviderStore store, LocalVideoService videos) =>
        {
            var job = videos.Get(videoId);
            if (!job.IsTerminal)
                throw WireError.Invalid($"Video '{videoId}' is {job.Status}; only completed or failed videos can be deleted.", "video_id", "invalid_video_status");
            store.Jobs.Remove(videoId);
            var media = store.Paths.Media(videoId);
            if (Directory.Exists(media)) Directory.Delete(media, recursive: true);
            return Results.Json(new VideoDeletedDto { Id = videoId, Deleted = true }, WireJson.Responses);
        });
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IdempotencyGuard once, IOptions<LocalProviderOptions> options,
        Func<WireRequest, LocalFaults, Task<LocalJob>> create, LocalVideoService videos)
    {
        var request = await WireRequest.ReadAsync(http, options.Value.MaxUploadBytes, http.RequestAborted);
        var faults = LocalFaults.Of(http);
        return await once.RunAsync(http,
            async () =>
            {
                var job = await create(request, faults);
                return (job.Id, VideoResult(http, videos, job, options.Value));
            },
            id => videos.Find(id) is { } job ? VideoResult(http, videos, job, options.Value) : null);
    }

    internal static IResult VideoResult(HttpContext http, LocalVideoService videos, LocalJob job, LocalProviderOptions options)
    {
        if (!job.IsTerminal)
            http.Response.Headers["openai-poll-after-ms"] = options.PollAfterMs.ToString(CultureInfo.InvariantCulture);
        return Results.Json(videos.ToDto(job), WireJson.Responses);
    }

    private static IResult List(HttpContext http, LocalProviderStore store, LocalVideoService videos)
    {
        var query = http.Request.Query;
        var limit = 20;
        if (query.TryGetValue("limit", out var l) && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit > 100))
            throw WireError.Invalid($"Invalid 'limit': expected an integer from 0 to 100, got '{l}'.", "limit");
        var order = query.TryGetValue("order", out var o) ? o.ToString() : "desc";
        if (order is not ("asc" or "desc")) throw WireError.Invalid($"Invalid value: '{order}'. Supported values are: 'asc' and 'desc'.", "order");

        var all = store.Jobs.All.OrderBy(j => j.CreatedAt).ThenBy(j => j.Id, StringComparer.Ordinal).ToList();
        if (order == "desc") all.Reverse();
        var start = 0;
        if (query.TryGetValue("after", out var after) && after.ToString() is { Length: > 0 } afterId)
        {
            var index = all.FindIndex(j => j.Id == afterId);
            if (index < 0) throw WireError.NotFound($"Video with id '{afterId}' not found.", "after");
            start = index + 1;
        }
        var page = all.Skip(start).Take(limit).ToList();
        return Results.Json(new VideoListDto
        {
            Data = page.Select(videos.ToDto).ToList(),
            FirstId = page.FirstOrDefault()?.Id,
            LastId = page.LastOrDefault()?.Id,
            HasMore = start + page.Count < all.Count,
        }, WireJson.Responses);
    }
}
