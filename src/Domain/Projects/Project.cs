namespace VideoHub.Domain.Projects;

public class Project
{
    public const int NameMaxLength = 80;
    public const int BriefMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    /// <summary>The name folded for uniqueness: trimmed, case- and width-insensitive.</summary>
    public string NameKey { get; set; } = "";
    public string Brief { get; set; } = "";
    public ProjectSettings Settings { get; set; } = new();
    public DateTime CreatedAt { get; set; }
    public string CreatedById { get; set; } = "";
    public DateTime? ArchivedAt { get; set; }
    public List<ProjectMember> Members { get; set; } = [];

    public bool IsArchived => ArchivedAt is not null;

    public static string KeyFor(string name) =>
        string.Join(' ', name.Normalize(System.Text.NormalizationForm.FormKC)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
