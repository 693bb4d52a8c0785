using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Api.Infrastructure;
using VideoHub.Features.Projects;
using VideoHub.Media;

namespace VideoHub.Features.Api.Endpoints;

public sealed record ApiTakeFile(string Variant, string Url);

public sealed record ApiTake(Guid Id, Guid ProjectId, Guid RenderRequestId, Guid? ParentTakeId, Guid StackId,
    RenderOperation Operation, string Model, string Prompt, double DurationSeconds, int Width, int Height, long Bytes, string Sha256,
    ReviewState ReviewState, bool IsPicked, DateTime CreatedAt, IReadOnlyList<ApiTakeFile> Files);

/// <summary>/api/v1/takes: a take's metadata and its files through the media endpoint's own serving code (ranges, ETag).</summary>
public static class TakeEndpoints
{
    public static readonly string[] Variants = ["video", "thumbnail", "spritesheet", "poster"];

    public static RouteGroupBuilder MapTakeEndpoints(this RouteGroupBuilder api)
    {
        var takes = api.MapGroup("/takes").WithTags("Takes");

        takes.MapGet("/{takeId:guid}", async Task<IResult> (Guid takeId, ApiCaller caller,
            IDbContextFactory<VideoHubDbContext> dbFactory, CancellationToken ct) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var v = await db.Videos.AsNoTracking().FirstOrDefaultAsync(x => x.Id == takeId, ct);
            if (v is null || !(await ProjectAccess.GetAsync(db, caller.Require(), v.ProjectId, ct)).CanView) return ApiProblems.NotFound();
            return TypedResults.Ok(new ApiTake(v.Id, v.ProjectId, v.RenderRequestId, v.ParentVideoId, v.StackId, v.Operation, v.Model,
                v.Prompt, v.DurationSeconds, v.Width, v.Height, v.Bytes, v.Sha256, v.ReviewState, v.IsPicked, v.CreatedAt,
                Variants.Select(k => new ApiTakeFile(k, $"/api/v1/takes/{v.Id}/{k}")).ToList()));
        }).WithName("GetTake").WithSummary("A take's metadata, lineage (parent, stack), review state and file links.")
            .Produces<ApiTake>().ProducesProblem(404);

        takes.MapGet("/{takeId:guid}/{variant}", async Task<IResult> (Guid takeId, string variant, ApiCaller caller, HttpContext http,
            IDbContextFactory<VideoHubDbContext> dbFactory, MediaDelivery delivery, CancellationToken ct) =>
        {
            var result = await MediaEndpoints.ServeAsync(takeId, variant, http, dbFactory, delivery, ct);
            return result is NotFound ? ApiProblems.NotFound() : result;
        }).WithName("DownloadTake")
            .WithSummary("Downloads the take's video, thumbnail, spritesheet or poster; supports Range (206/416), ETag and If-None-Match.")
            .Produces(200, contentType: "video/mp4").Produces(206).ProducesProblem(404);
        return api;
    }
}
