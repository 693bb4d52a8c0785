using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace VideoHub.Providers.Local;

/// <summary>GET /videos/{id}/content?variant=… and GET /files/{id}/content: files streamed from disk, ranges allowed.</summary>
public static class LocalContentEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/videos/{videoId}/content", (string videoId, HttpContext http, LocalVideoService videos, LocalProviderPaths paths,
            TimeProvider clock) =>
        {
            var variant = http.Request.Query["variant"].ToString() is { Length: > 0 } v ? v : "video";
            var (file, type) = variant switch
            {
                "video" => (LocalRenderer.VideoFile, "video/mp4"),
                "thumbnail" => (LocalRenderer.ThumbnailFile, "image/webp"),
                "spritesheet" => (LocalRenderer.SpritesheetFile, "image/jpeg"),
                _ => throw WireError.Invalid($"Invalid value: '{variant}'. Supported values are: 'video', 'thumbnail', and 'spritesheet'.", "variant"),
            };
            var job = videos.Get(videoId);
            if (job.Status != LocalStatus.Completed)
                throw WireError.NotFound($"Video '{videoId}' has no content: it is {job.Status}.", "video_id");
            if (job.ExpiresAt < clock.GetUtcNow())
                throw WireError.NotFound($"The content of video '{videoId}' has expired.", "video_id");
            return Serve(http, Path.Combine(paths.Media(videoId), file), type);
        });

        v1.MapGet("/files/{fileId}/content", (string fileId, HttpContext http, LocalFileService files) =>
            Serve(http, files.ContentPath(fileId), files.Get(fileId).FileName.EndsWith(".jsonl", StringComparison.Ordinal)
                ? "application/jsonl" : "application/octet-stream"));
    }

    private static IResult Serve(HttpContext http, string path, string contentType)
    {
        if (!File.Exists(path)) throw WireError.NotFound("The requested content does not exist.");
        if (LocalFaults.Of(http).Truncate) return new TruncatedFileResult(path, contentType);
        return Results.File(path, contentType, enableRangeProcessing: true);
    }

    /// <summary>The "truncate" fault: declares the full length, sends half, then drops the connection.</summary>
    private sealed class TruncatedFileResult(string path, string contentType) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            await using var file = File.OpenRead(path);
            http.Response.ContentType = contentType;
            http.Response.ContentLength = file.Length;
            var half = new byte[Math.Max(1, file.Length / 2)];
            var read = await file.ReadAtLeastAsync(half, half.Length, throwOnEndOfStream: false);
            await http.Response.Body.WriteAsync(half.AsMemory(0, read));
            await http.Response.Body.FlushAsync();
            http.Abort();
        }
    }
}
