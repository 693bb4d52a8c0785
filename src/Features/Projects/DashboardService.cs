using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Users;

namespace VideoHub.Features.Projects;

public sealed record ActivityItem(long Id, DateTime At, string ActorName, string Action, string Summary,
    Guid ProjectId, string ProjectName);

public sealed record Dashboard(IReadOnlyList<ProjectSummary> Projects, int ProjectCount, IReadOnlyList<ActivityItem> Activity);

/// <summary>The home page: the actor's active projects and the latest events in the projects they can see.</summary>
public sealed class DashboardService(IDbContextFactory<VideoHubDbContext> dbFactory, ProjectService projects)
{
    public const int MaxProjects = 6;
    public const int MaxActivity = 15;

    public async Task<Dashboard> GetAsync(Actor actor, CancellationToken ct = default)
    {
        var cards = await projects.ListAsync(actor, new ProjectListFilter(), ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = ProjectAccess.Visible(db, actor);
        var activity = await (
                from e in db.AuditEvents
                join p in visible on e.ProjectId equals (Guid?)p.Id
                orderby e.At descending, e.Id descending
                select new ActivityItem(e.Id, e.At, e.ActorName, e.Action, e.Summary, p.Id, p.Name))
            .Take(MaxActivity)
            .ToListAsync(ct);
        return new Dashboard(cards.Take(MaxProjects).ToList(), cards.Count, activity);
    }
}
