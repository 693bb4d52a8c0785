using VideoHub.Domain.Audit;

namespace VideoHub.Features.Projects;

/// <summary>Audit events in plain words, for people rather than auditors.</summary>
public static class ActivityText
{
    /// <summary>The verb phrase that goes between the actor and the project: "Ana <b>archived</b> Trailer".</summary>
    public static string Verb(string action) => action switch
    {
        AuditActions.ProjectCreated => "created",
        AuditActions.ProjectUpdated => "edited",
        AuditActions.ProjectSettingsChanged => "changed the settings of",
        AuditActions.ProjectArchived => "archived",
        AuditActions.ProjectRestored => "restored",
        AuditActions.MemberAdded => "added a member to",
        AuditActions.MemberRoleChanged => "changed a member's role in",
        AuditActions.MemberRemoved => "removed a member from",
        _ => "updated",
    };

    /// <summary>Whether the summary says more than the verb line (who was added, what the name became).</summary>
    public static bool HasDetail(string action) => action is AuditActions.ProjectUpdated or AuditActions.MemberAdded
        or AuditActions.MemberRoleChanged or AuditActions.MemberRemoved;

    public static string Icon(string action) => action switch
    {
        AuditActions.ProjectCreated => MudBlazor.Icons.Material.Outlined.CreateNewFolder,
        AuditActions.ProjectArchived => MudBlazor.Icons.Material.Outlined.Archive,
        AuditActions.ProjectRestored => MudBlazor.Icons.Material.Outlined.Unarchive,
        AuditActions.ProjectSettingsChanged => MudBlazor.Icons.Material.Outlined.Tune,
        AuditActions.MemberAdded => MudBlazor.Icons.Material.Outlined.PersonAdd,
        AuditActions.MemberRemoved => MudBlazor.Icons.Material.Outlined.PersonRemove,
        AuditActions.MemberRoleChanged => MudBlazor.Icons.Material.Outlined.ManageAccounts,
        _ => MudBlazor.Icons.Material.Outlined.Edit,
    };

    /// <summary>"just now", "5 minutes ago", "yesterday", "3 days ago", then the date.</summary>
    public static string TimeAgo(DateTime atUtc, DateTimeOffset now)
    {
        var age = now.UtcDateTime - atUtc;
        return age switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalMinutes: < 2 } => "a minute ago",
            { TotalHours: < 1 } => $"{(int)age.TotalMinutes} minutes ago",
            { TotalHours: < 2 } => "an hour ago",
            { TotalDays: < 1 } => $"{(int)age.TotalHours} hours ago",
            { TotalDays: < 2 } => "yesterday",
            { TotalDays: < 7 } => $"{(int)age.TotalDays} days ago",
            _ => atUtc.ToString(atUtc.Year == now.UtcDateTime.Year ? "d MMM" : "d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
