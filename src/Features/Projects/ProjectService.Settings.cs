using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Users;

namespace VideoHub.Features.Projects;

public sealed partial class ProjectService
{
    /// <summary>Replaces the project's settings when every field is valid; otherwise changes nothing.</summary>
    public async Task<Result> UpdateSettingsAsync(Actor actor, Guid projectId, ProjectSettings input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (project, refusal) = await LoadForChangeAsync(db, actor, projectId, ct);
        if (project is null) return refusal!;

        var next = new ProjectSettings
        {
            DefaultModel = (input.DefaultModel ?? "").Trim(),
            DefaultSize = (input.DefaultSize ?? "").Trim(),
            DefaultSeconds = input.DefaultSeconds,
            MonthlyBudgetUsd = input.MonthlyBudgetUsd,
            ApprovalThresholdUsd = input.ApprovalThresholdUsd,
            ApprovalsRequired = input.ApprovalsRequired,
        };
        var errors = next.Validate();
        if (!errors.ContainsKey(nameof(ProjectSettings.DefaultSize)) && !VideoSizeChoices.IsOffered(next.DefaultSize))
            errors[nameof(ProjectSettings.DefaultSize)] = "Choose one of the offered sizes.";
        if (errors.Count > 0) return Result.Invalid(errors);

        if (ProjectRules.SameSettings(project.Settings, next)) return Result.Ok();
        var before = ProjectRules.Json(project.Settings);
        var after = ProjectRules.Json(next);
        project.Settings = next;
        audit.Add(db, actor, AuditActions.ProjectSettingsChanged, nameof(Project), project.Id.ToString(),
            $"Changed the settings of “{project.Name}”", project.Id, before, after);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    public Task<Result> ArchiveAsync(Actor actor, Guid projectId, CancellationToken ct = default) =>
        SetArchivedAsync(actor, projectId, archive: true, ct);

    public Task<Result> RestoreAsync(Actor actor, Guid projectId, CancellationToken ct = default) =>
        SetArchivedAsync(actor, projectId, archive: false, ct);

    private async Task<Result> SetArchivedAsync(Actor actor, Guid projectId, bool archive, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (project, refusal) = await LoadForChangeAsync(db, actor, projectId, ct, allowArchived: true);
        if (project is null) return refusal!;
        if (project.IsArchived == archive) return Result.Ok();

        project.ArchivedAt = archive ? clock.GetUtcNow().UtcDateTime : null;
        audit.Add(db, actor, archive ? AuditActions.ProjectArchived : AuditActions.ProjectRestored, nameof(Project),
            project.Id.ToString(), $"{(archive ? "Archived" : "Restored")} project “{project.Name}”", project.Id);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
