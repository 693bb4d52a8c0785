using Microsoft.Net.Http.Headers;
using VideoHub.Account;
using VideoHub.Data;
using Microsoft.EntityFrameworkCore;
using VideoHub.Features.Gallery.Export;

namespace VideoHub.Features.Gallery;

/// <summary>GET /gallery/download?ids=a,b,c: the selection as a zip, streamed while it is made.</summary>
public static class GalleryDownload
{
    public static string UrlFor(IEnumerable<Guid> ids) => "/gallery/download?ids=" + string.Join(",", ids.Select(i => i.ToString("N")));

    public static async Task<IResult> ServeAsync(HttpContext http, IDbContextFactory<VideoHubDbContext> dbFactory, TakeZipExport export,
        TimeProvider clock, CancellationToken ct)
    {
        var actor = await CurrentUser.ResolveAsync(dbFactory, http.User, ct);
        var ids = new List<Guid>();
        foreach (var part in http.Request.Query["ids"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Guid.TryParse(part, out var id)) return Results.NotFound();
            ids.Add(id);
        }
        var entries = actor is null ? null : await export.PrepareAsync(actor, ids, ct);
        if (entries is null) return Results.NotFound();

        var name = $"videohub-takes-{clock.GetUtcNow():yyyyMMdd-HHmmss}.zip";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(name);
        http.Response.ContentType = "application/zip";
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        await export.WriteAsync(entries, http.Response.Body, ct);
        return Results.Empty;
    }
}
