using Microsoft.EntityFrameworkCore;
using VideoHub.Account;
using VideoHub.Data;
using VideoHub.Features.Catalog.Clips;
using VideoHub.Media;

namespace VideoHub.Features.Catalog;

/// <summary>
/// A catalog version's clip and poster. The catalog is shared across projects, so every active signed-in user may
/// see them; an unknown version, an unknown file name and a missing file all answer 404.
/// </summary>
public static class CatalogMediaEndpoints
{
    public const string Route = "/media/catalog/{versionId:guid}/{file}";

    public static string ClipUrl(Guid versionId) => $"/media/catalog/{versionId}/clip";
    public static string PosterUrl(Guid versionId) => $"/media/catalog/{versionId}/poster";

    public static IEndpointRouteBuilder MapCatalogMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, ServeAsync).RequireAuthorization().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(Guid versionId, string file, HttpContext http,
        IDbContextFactory<VideoHubDbContext> dbFactory, IMediaStorage storage, CancellationToken ct)
    {
        if (file is not ("clip" or "poster")) return Results.NotFound();
        if (await CurrentUser.ResolveAsync(dbFactory, http.User, ct) is null) return Results.NotFound();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await db.CatalogItemVersions.AsNoTracking().Where(v => v.Id == versionId)
            .Select(v => new { v.ClipKey, v.PosterKey, v.Sha256 }).FirstOrDefaultAsync(ct);
        var key = file == "clip" ? version?.ClipKey : version?.PosterKey;
        var stored = string.IsNullOrEmpty(key) ? null : storage.GetFile(key);
        if (stored is null) return Results.NotFound();

        var extension = Path.GetExtension(stored.Name);
        var clip = file == "clip";
        var tag = clip && version!.Sha256.Length > 0 ? version.Sha256 : $"{versionId:N}-{file}-{stored.Length}-{stored.LastWriteTimeUtc.Ticks}";
        return MediaFileResults.Send(http, stored, clip ? ClipFormat.ContentType(extension) : "image/jpeg", tag,
            $"{file}-{versionId:N}{extension}");
    }
}
