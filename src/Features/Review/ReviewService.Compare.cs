using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Review;

public sealed record ParameterDifference(string Name, string A, string B)
{
    public bool Differs => A != B;
}

public sealed record TakeComparison(TakeSummary A, TakeSummary B, IReadOnlyList<DiffPart> PromptDiff, IReadOnlyList<ParameterDifference> Parameters);

public sealed partial class ReviewService
{
    /// <summary>Two takes of one project side by side: a word diff of their prompts and their parameters. Null when either is not visible.</summary>
    public async Task<TakeComparison?> CompareAsync(Actor actor, Guid projectId, Guid a, Guid b, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProjectAccess.GetAsync(db, actor, projectId, ct)).CanView) return null;
        var rows = await (from v in db.Videos.AsNoTracking()
                          join r in db.RenderRequests on v.RenderRequestId equals r.Id
                          where v.ProjectId == projectId && (v.Id == a || v.Id == b)
                          select new { v, r }).ToListAsync(ct);
        var left = rows.FirstOrDefault(x => x.v.Id == a);
        var right = rows.FirstOrDefault(x => x.v.Id == b);
        if (left is null || right is null) return null;
        var summaries = await Summaries(db, v => v.Id == a || v.Id == b).ToListAsync(ct);

        string Money(decimal? m) => m is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) + " USD" : "—";
        var parameters = new List<ParameterDifference>
        {
            new("Operation", left.v.Operation.ToString(), right.v.Operation.ToString()),
            new("Provider", left.r.ProviderId, right.r.ProviderId),
            new("Model", left.v.Model, right.v.Model),
            new("Size", left.r.Size, right.r.Size),
            new("Seconds", left.r.Seconds.ToString(CultureInfo.InvariantCulture), right.r.Seconds.ToString(CultureInfo.InvariantCulture)),
            new("Duration", left.v.DurationSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s", right.v.DurationSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s"),
            new("Cost", Money(left.r.ActualCostUsd ?? left.r.EstimatedCostUsd), Money(right.r.ActualCostUsd ?? right.r.EstimatedCostUsd)),
            new("Author", left.r.AuthorName, right.r.AuthorName),
            new("Review state", ReviewRules.Label(left.v.ReviewState), ReviewRules.Label(right.v.ReviewState)),
            new("Parent take", left.v.ParentVideoId?.ToString("N")[..8] ?? "—", right.v.ParentVideoId?.ToString("N")[..8] ?? "—"),
        };
        return new TakeComparison(summaries.First(s => s.Id == a), summaries.First(s => s.Id == b),
            PromptDiff.Words(left.v.Prompt, right.v.Prompt), parameters);
    }
}
