namespace VideoHub.Domain.Rendering;

/// <summary>One move of a render request: who or which job moved it, when, and why.</summary>
public class RenderEvent
{
    public const int MessageMaxLength = 2000;

    public long Id { get; set; }
    public Guid RenderRequestId { get; set; }
    public RenderState From { get; set; }
    public RenderState To { get; set; }
    public DateTime At { get; set; }
    /// <summary>A user name, or "job:submit" / "job:poll" / "job:download" / "job:housekeeping".</summary>
    public string By { get; set; } = "";
    public string? Message { get; set; }
}
