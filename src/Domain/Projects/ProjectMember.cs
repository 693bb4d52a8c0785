namespace VideoHub.Domain.Projects;

public class ProjectMember
{
    public Guid ProjectId { get; set; }
    public string UserId { get; set; } = "";
    public ProjectRole Role { get; set; }
    public DateTime AddedAt { get; set; }
}
