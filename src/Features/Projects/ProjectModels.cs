using VideoHub.Domain.Projects;

namespace VideoHub.Features.Projects;

/// <summary>Name and brief, as typed on the create and edit forms.</summary>
public sealed class ProjectInput
{
    public string Name { get; set; } = "";
    public string Brief { get; set; } = "";
}

public sealed record ProjectListFilter(bool IncludeArchived = false, string? Search = null);

/// <summary>One project in a list: <see cref="MyRole"/> is null when an admin sees a project they are not a member of.</summary>
public sealed record ProjectSummary(Guid Id, string Name, string Brief, ProjectRole? MyRole, int MemberCount,
    DateTime CreatedAt, DateTime? ArchivedAt)
{
    public bool IsArchived => ArchivedAt is not null;
}

public sealed record ProjectDetails(Guid Id, string Name, string Brief, ProjectSettings Settings, DateTime CreatedAt,
    string CreatedByName, DateTime? ArchivedAt, ProjectGrant Access, IReadOnlyList<MemberRow> Members)
{
    public bool IsArchived => ArchivedAt is not null;
}

public sealed record MemberRow(string UserId, string DisplayName, string Email, ProjectRole Role, DateTime AddedAt);
