using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace VideoHub.Media;

/// <summary>
/// Sends one variant of a take once the caller has decided the request may see it. Files go out through the
/// server's file-sending path (ranges, 416, Accept-Ranges, ETag/If-None-Match handled by ASP.NET Core), never
/// read into memory; the file name is always chosen here, never taken from the request.
/// </summary>
public sealed class MediaDelivery(IMediaStorage storage, PosterMaker posters)
{
    public async Task<IResult> ServeAsync(HttpContext http, MediaTake take, MediaVariant variant, CancellationToken ct)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Revalidate every time: a revoked right or link must apply at once, and the ETag keeps that cheap.
        headers.CacheControl = "private, no-cache";
        var fileName = $"{MediaVariants.Name(variant)}-{take.Id:N}{MediaVariants.Extension(variant)}";
        var disposition = new ContentDispositionHeaderValue(http.Request.Query.ContainsKey("download") ? "attachment" : "inline");
        disposition.SetHttpFileName(fileName);

        if (variant == MediaVariant.Metadata) return Metadata(http, take, disposition);

        var file = variant switch
        {
            MediaVariant.Video => Find(take.VideoKey),
            MediaVariant.Thumbnail => Find(take.ThumbnailKey),
            MediaVariant.Spritesheet => Find(take.SpritesheetKey),
            _ => await posters.GetAsync(take, ct),
        };
        if (file is null) return Results.NotFound();
        // Only byte ranges exist (RFC 9110); the framework would otherwise treat any unit as bytes.
        if (http.Request.Headers.Range.ToString() is { Length: > 0 } range && !range.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
            http.Request.Headers.Remove("Range");
        headers.ContentDisposition = disposition.ToString();
        var tag = variant == MediaVariant.Video && take.Sha256.Length > 0
            ? take.Sha256
            : $"{take.Id:N}-{MediaVariants.Name(variant)}-{file.Length}-{file.LastWriteTimeUtc.Ticks}";
        return Results.File(file.FullName, variant == MediaVariant.Video ? "video/mp4" : "image/jpeg",
            lastModified: file.LastWriteTimeUtc, entityTag: new EntityTagHeaderValue($"\"{tag}\""), enableRangeProcessing: true);
    }

    private FileInfo? Find(string key) => string.IsNullOrEmpty(key) ? null : storage.GetFile(key);

    private static IResult Metadata(HttpContext http, MediaTake take, ContentDispositionHeaderValue disposition)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            id = take.Id, prompt = take.Prompt, model = take.Model, durationSeconds = take.DurationSeconds,
            width = take.Width, height = take.Height, bytes = take.Bytes, sha256 = take.Sha256,
            reviewState = take.ReviewState.ToString(), createdAt = take.CreatedAt,
        });
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
        http.Response.Headers.ETag = tag.ToString();
        var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(t => t.Tag == EntityTagHeaderValue.Any.Tag || t.Compare(tag, useStrongComparison: false)))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(body, "application/json");
    }
}
