namespace VideoHub.Domain.Projects;

/// <summary>A member's role in one project. Roles are not a ladder: see <see cref="ProjectPermissions"/>.</summary>
public enum ProjectRole
{
    Viewer = 0,
    Reviewer = 1,
    Editor = 2,
    Owner = 3,
}
