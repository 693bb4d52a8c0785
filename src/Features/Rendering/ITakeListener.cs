using VideoHub.Data;
using VideoHub.Domain.Rendering;

namespace VideoHub.Features.Rendering;

/// <summary>
/// Lets other features react when a take becomes Ready without the render jobs knowing them.
/// <see cref="AddingAsync"/> runs inside the downloader's unit of work (rows it adds commit with the take);
/// <see cref="Added"/> runs after that commit succeeded (for live pushes).
/// </summary>
public interface ITakeListener
{
    Task AddingAsync(VideoHubDbContext db, Video take, RenderRequest request, CancellationToken ct);
    void Added(Video take);
}
