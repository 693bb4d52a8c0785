using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Review.Report;

public sealed record ReportTake(TakeSummary Take, string ProviderId, string Size, int Seconds, decimal Cost,
    IReadOnlyList<DecisionView> Decisions, IReadOnlyList<CommentView> Comments);

public sealed record ReviewReport(Guid ProjectId, string ProjectName, DateTime GeneratedAt, IReadOnlyList<ReportTake> Takes);

/// <summary>The review report of a project, or of a selection of its takes: prompt, parameters, decisions with notes, comments with time codes.</summary>
public sealed class ReviewReportService(IDbContextFactory<VideoHubDbContext> dbFactory, TimeProvider clock, AuditLog audit)
{
    public const int MaxTakes = 1000;

    /// <summary>Null when the actor may not see the project. <paramref name="takes"/> empty or null means every take.</summary>
    public async Task<ReviewReport?> BuildAsync(Actor actor, Guid projectId, IReadOnlyCollection<Guid>? takes, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProjectAccess.GetAsync(db, actor, projectId, ct)).CanView) return null;
        var name = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Name).FirstAsync(ct);

        var query = from v in db.Videos.AsNoTracking()
                    join r in db.RenderRequests on v.RenderRequestId equals r.Id
                    where v.ProjectId == projectId
                    select new { v, r };
        if (takes is { Count: > 0 }) query = query.Where(x => takes.Contains(x.v.Id));
        var rows = await query.OrderBy(x => x.v.CreatedAt).Take(MaxTakes).ToListAsync(ct);
        var ids = rows.Select(x => x.v.Id).ToList();
        var decisions = (await db.ReviewDecisions.AsNoTracking().Where(d => ids.Contains(d.VideoId)).ToListAsync(ct))
            .ToLookup(d => d.VideoId);
        var comments = (await db.ReviewComments.AsNoTracking().Where(c => ids.Contains(c.VideoId)).ToListAsync(ct))
            .ToLookup(c => c.VideoId);

        var result = rows.Select(x => new ReportTake(
            new TakeSummary(x.v.Id, x.v.ProjectId, x.v.StackId, x.v.ParentVideoId, x.v.Operation, x.v.Prompt, x.v.Model, x.v.Width,
                x.v.Height, x.v.DurationSeconds, x.v.ReviewState, x.v.IsPicked, x.v.CreatedAt, x.r.AuthorName),
            x.r.ProviderId, x.r.Size, x.r.Seconds, x.r.ActualCostUsd ?? x.r.EstimatedCostUsd,
            decisions[x.v.Id].OrderBy(d => d.CreatedAt).Select(DecisionView.Of).ToList(),
            comments[x.v.Id].OrderBy(c => c.TimeSeconds).ThenBy(c => c.CreatedAt)
                .Select(c => new CommentView(c.Id, c.ParentCommentId, c.AuthorId, c.AuthorName, c.Body, c.TimeSeconds, c.EndSeconds,
                    c.DrawingJson, c.IsResolved, c.ResolvedBy, c.CreatedAt, [])).ToList())).ToList();
        return new ReviewReport(projectId, name, clock.GetUtcNow().UtcDateTime, result);
    }

    /// <summary>The CSV download, audited; null when the actor may not see the project.</summary>
    public async Task<byte[]?> CsvAsync(Actor actor, Guid projectId, IReadOnlyCollection<Guid>? takes, CancellationToken ct = default)
    {
        var report = await BuildAsync(actor, projectId, takes, ct);
        if (report is null) return null;
        await audit.RecordAsync(actor, AuditActions.ReviewReportExported, "Project", projectId.ToString(),
            $"Exported the review report of {report.Takes.Count} take(s)", projectId, ct);
        return ReviewReportCsv.Write(report);
    }

    /// <summary>Parses "a,b,c" from a query string; bad ids are ignored.</summary>
    public static List<Guid> ParseTakes(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().Take(MaxTakes).ToList();
}
