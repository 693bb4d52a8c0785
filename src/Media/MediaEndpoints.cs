using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using VideoHub.Account;
using VideoHub.Data;
using VideoHub.Features.Projects;
using VideoHub.Providers;

namespace VideoHub.Media;

/// <summary>
/// Serves a take's files to project members only. One check covers every variant; a non-member, an unknown id and a
/// missing file all answer 404. Files go out through the server's file-sending path with ranges and ETags.
/// </summary>
public static class MediaEndpoints
{
    public const string VideoRoute = "/media/videos/{videoId:guid}/{variant}";

    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(VideoRoute, ServeAsync).RequireAuthorization().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Also the API's download route: the same check and file path for a Bearer-authenticated caller.</summary>
    internal static async Task<IResult> ServeAsync(Guid videoId, string variant, HttpContext http,
        IDbContextFactory<VideoHubDbContext> dbFactory, IMediaStorage storage, CancellationToken ct)
    {
        if (!TryParse(variant, out var kind)) return Results.NotFound();
        var actor = await CurrentUser.ResolveAsync(dbFactory, http.User, ct);
        if (actor is null) return Results.NotFound();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var video = await db.Videos.AsNoTracking().Where(v => v.Id == videoId)
            .Select(v => new { v.ProjectId, v.VideoKey, v.ThumbnailKey, v.SpritesheetKey, v.Sha256 }).FirstOrDefaultAsync(ct);
        if (video is null || !(await ProjectAccess.GetAsync(db, actor, video.ProjectId, ct)).CanView) return Results.NotFound();

        var key = kind switch
        {
            ContentVariant.Video => video.VideoKey,
            ContentVariant.Thumbnail => video.ThumbnailKey,
            _ => video.SpritesheetKey,
        };
        var file = string.IsNullOrEmpty(key) ? null : storage.GetFile(key);
        if (file is null) return Results.NotFound();

        var tag = kind == ContentVariant.Video && video.Sha256.Length > 0
            ? video.Sha256
            : $"{videoId:N}-{variant}-{file.Length}-{file.LastWriteTimeUtc.Ticks}";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName($"{variant}-{videoId:N}{Path.GetExtension(file.Name)}");
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.File(file.FullName, MediaKeys.ContentType(kind), lastModified: file.LastWriteTimeUtc,
            entityTag: new EntityTagHeaderValue($"\"{tag}\""), enableRangeProcessing: true);
    }

    private static bool TryParse(string variant, out ContentVariant kind)
    {
        (var ok, kind) = variant switch
        {
            "video" => (true, ContentVariant.Video),
            "thumbnail" => (true, ContentVariant.Thumbnail),
            "spritesheet" => (true, ContentVariant.Spritesheet),
            _ => (false, ContentVariant.Video),
        };
        return ok;
    }
}
