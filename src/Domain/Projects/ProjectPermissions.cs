namespace VideoHub.Domain.Projects;

/// <summary>What each role may do in a project; admins may do everything.</summary>
public static class ProjectPermissions
{
    public static bool CanView(ProjectRole? role, bool isAdmin) => isAdmin || role is not null;

    /// <summary>Render requests, catalog use, storyboards.</summary>
    public static bool CanEdit(ProjectRole? role, bool isAdmin) =>
        isAdmin || role is ProjectRole.Owner or ProjectRole.Editor;

    /// <summary>Review decisions (approve, request changes, reject).</summary>
    public static bool CanDecide(ProjectRole? role, bool isAdmin) =>
        isAdmin || role is ProjectRole.Owner or ProjectRole.Reviewer;

    /// <summary>Time-coded comments.</summary>
    public static bool CanComment(ProjectRole? role, bool isAdmin) =>
        isAdmin || role is ProjectRole.Owner or ProjectRole.Reviewer or ProjectRole.Editor;

    /// <summary>Members, settings, budget, approval rules, archiving.</summary>
    public static bool CanManage(ProjectRole? role, bool isAdmin) => isAdmin || role is ProjectRole.Owner;
}
