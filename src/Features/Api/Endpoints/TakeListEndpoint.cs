using VideoHub.Domain.Rendering;
using VideoHub.Features.Api.Infrastructure;
using VideoHub.Features.Gallery;

namespace VideoHub.Features.Api.Endpoints;

public sealed record ApiTakeCard(Guid Id, Guid ProjectId, string ProjectName, string Model, string Prompt, double DurationSeconds,
    int Width, int Height, ReviewState ReviewState, bool IsPicked, DateTime CreatedAt, string Url)
{
    public static ApiTakeCard From(GalleryCard c) => new(c.Id, c.ProjectId, c.ProjectName, c.Model, c.Prompt, c.DurationSeconds,
        c.Width, c.Height, c.ReviewState, c.IsPicked, c.CreatedAt, $"/api/v1/takes/{c.Id}");
}

public sealed record ApiTakePage(IReadOnlyList<ApiTakeCard> Items, string? NextCursor);

/// <summary>GET /api/v1/takes: the gallery's query (filters, prompt search, keyset cursor) over every project the token's user sees.</summary>
public static class TakeListEndpoint
{
    public const int MaxLimit = 100;

    public static RouteGroupBuilder MapTakeListEndpoint(this RouteGroupBuilder api)
    {
        api.MapGet("/takes", async Task<IResult> (ApiCaller caller, GalleryService gallery, Guid? projectId, string? state, string? model,
            string? q, Aspect? aspect, Guid? catalogItemId, string? authorId, DateTime? from, DateTime? to, GallerySort? sort, bool? picked,
            string? cursor, int? limit, CancellationToken ct) =>
        {
            ReviewState? reviewState = null;
            if (!string.IsNullOrEmpty(state) && state != "all")
            {
                if (!Enum.TryParse<ReviewState>(state, true, out var s) || !Enum.IsDefined(s))
                    return ApiProblems.Problem(400, "The request could not be read",
                        "state must be Pending, Approved, ChangesRequested, Rejected or all.");
                reviewState = s;
            }
            var filters = new GalleryFilters
            {
                ProjectId = projectId, State = reviewState, AllStates = state == "all", Model = model, Search = q, Aspect = aspect,
                CatalogItemId = catalogItemId, AuthorId = authorId, From = from?.ToUniversalTime().Date, To = to?.ToUniversalTime().Date,
                Sort = sort ?? GallerySort.Newest, PickedOnly = picked == true,
            };
            if (cursor is not null && GalleryCursor.Parse(cursor, filters.Sort) is null)
                return ApiProblems.Problem(400, "The request could not be read", "The cursor is not one this list gave out (or the sort changed).");
            var page = await gallery.PageAsync(caller.Require(), filters, cursor, Math.Clamp(limit ?? 25, 1, MaxLimit), ct);
            return TypedResults.Ok(new ApiTakePage(page.Items.Select(ApiTakeCard.From).ToList(), page.NextCursor));
        }).WithTags("Takes").WithName("ListTakes")
            .WithSummary("Takes across the projects you belong to, filtered like the gallery: projectId, state (default: every state, but only approved takes where you are a Viewer; 'all' for every state), model, q (prompt search), aspect, catalogItemId, authorId, from/to (dates), sort, picked. Pass nextCursor back as cursor; limit 1–100.")
            .Produces<ApiTakePage>();
        return api;
    }
}
