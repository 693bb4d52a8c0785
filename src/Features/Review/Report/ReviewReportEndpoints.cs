using Microsoft.EntityFrameworkCore;
using VideoHub.Account;
using VideoHub.Data;

namespace VideoHub.Features.Review.Report;

public static class ReviewReportEndpoints
{
    public const string CsvRoute = "/projects/{Id:guid}/review-report/csv";

    public static IEndpointRouteBuilder MapReviewReport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CsvRoute, CsvAsync).RequireAuthorization().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>A non-member gets 404, exactly like a project that does not exist.</summary>
    private static async Task<IResult> CsvAsync(Guid id, string? takes, HttpContext http, IDbContextFactory<VideoHubDbContext> dbFactory,
        ReviewReportService reports, CancellationToken ct)
    {
        var actor = await CurrentUser.ResolveAsync(dbFactory, http.User, ct);
        if (actor is null) return Results.NotFound();
        var csv = await reports.CsvAsync(actor, id, ReviewReportService.ParseTakes(takes), ct);
        if (csv is null) return Results.NotFound();
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(csv, "text/csv; charset=utf-8", $"review-report-{id:N}.csv");
    }
}
