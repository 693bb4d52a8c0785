namespace VideoHub.Domain.Batches;

/// <summary>
/// One row of a batch as the user wrote it (custom id, line of the file), pointing at the render request of its
/// latest attempt. A retry makes a new request and moves <see cref="RenderRequestId"/> to it; the failed one stays
/// as history. Counts and the report read the rows through this pointer, so each row counts once.
/// </summary>
public class BatchRow
{
    public const int CustomIdMaxLength = 56;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BatchId { get; set; }
    public string CustomId { get; set; } = "";
    /// <summary>Line of the uploaded file (1-based; for a variations grid, the row's position).</summary>
    public int LineNumber { get; set; }
    public Guid RenderRequestId { get; set; }
    public int Attempt { get; set; } = 1;
}
