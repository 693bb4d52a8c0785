namespace VideoHub.Domain.Notifications;

public enum NotificationKind { ReviewRequested, ReviewDecision, Mention, Reply, RenderFinished, RenderFailed, System }

/// <summary>An in-app notification for one user (the bell), with a link to what it is about.</summary>
public class Notification
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 1000;

    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public Guid? ProjectId { get; set; }
    public NotificationKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    /// <summary>An app-relative link ("/projects/…/takes/…").</summary>
    public string Link { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
