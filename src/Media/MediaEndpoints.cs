using Microsoft.EntityFrameworkCore;
using VideoHub.Account;
using VideoHub.Data;
using VideoHub.Features.Projects;

namespace VideoHub.Media;

/// <summary>
/// Serves a take's files to project members only. One check covers every variant; a non-member, an unknown id,
/// an unknown variant and a missing file all answer 404.
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
        IDbContextFactory<VideoHubDbContext> dbFactory, MediaDelivery delivery, CancellationToken ct)
    {
        if (!MediaVariants.TryParse(variant, out var kind)) return Results.NotFound();
        var take = await AuthorisedTakeAsync(http, dbFactory, videoId, ct);
        return take is null ? Results.NotFound() : await delivery.ServeAsync(http, take, kind, ct);
    }

    /// <summary>The one authorisation check for every variant: the signed-in user may view the take's project.</summary>
    private static async Task<MediaTake?> AuthorisedTakeAsync(HttpContext http, IDbContextFactory<VideoHubDbContext> dbFactory,
        Guid videoId, CancellationToken ct)
    {
        var actor = await CurrentUser.ResolveAsync(dbFactory, http.User, ct);
        if (actor is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var take = await MediaTake.Select(db.Videos.AsNoTracking().Where(v => v.Id == videoId)).FirstOrDefaultAsync(ct);
        return take is not null && (await ProjectAccess.GetAsync(db, actor, take.ProjectId, ct)).CanView ? take : null;
    }
}
