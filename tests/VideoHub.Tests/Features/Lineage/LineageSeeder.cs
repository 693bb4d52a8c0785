using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Rendering;

namespace VideoHub.Tests.Features.Lineage;

/// <summary>Takes written straight to the database (no files), for lineage and limit tests that need shapes, not pixels.</summary>
public static class LineageSeeder
{
    public static async Task<Video> TakeAsync(IServiceProvider services, Guid projectId, string authorId, Video? parent,
        RenderOperation operation, double seconds, string prompt = "seeded take", ReviewState review = ReviewState.Pending)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        var take = Build(db, projectId, authorId, parent, operation, seconds, prompt, review, DateTime.UtcNow);
        await db.SaveChangesAsync();
        return take;
    }

    /// <summary>A chain of <paramref name="length"/> takes, each made from the one before, in one unit of work.</summary>
    public static async Task<List<Video>> ChainAsync(IServiceProvider services, Guid projectId, string authorId, Video? start,
        int length, RenderOperation operation, Func<int, double> seconds)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        var chain = new List<Video>();
        var parent = start;
        var at = DateTime.UtcNow;
        for (var i = 0; i < length; i++)
        {
            parent = Build(db, projectId, authorId, parent, operation, seconds(i), $"step {i + 1}", ReviewState.Pending, at.AddSeconds(i));
            chain.Add(parent);
        }
        await db.SaveChangesAsync();
        return chain;
    }

    private static Video Build(VideoHubDbContext db, Guid projectId, string authorId, Video? parent, RenderOperation operation,
        double seconds, string prompt, ReviewState review, DateTime at)
    {
        var request = new RenderRequest
        {
            ProjectId = projectId, AuthorId = authorId, AuthorName = "seed", Prompt = prompt, ProviderId = "local",
            Model = "sora-2", Size = "1280x720", Seconds = 4, State = RenderState.Ready, Operation = operation,
            ParentVideoId = parent?.Id, CreatedAt = at, UpdatedAt = at,
        };
        var take = new Video
        {
            ProjectId = projectId, RenderRequestId = request.Id, ParentVideoId = parent?.Id, Operation = operation,
            ProviderId = "local", ProviderJobId = "video_" + Guid.NewGuid().ToString("N"), Model = "sora-2", Prompt = prompt,
            VideoKey = "none", DurationSeconds = seconds, Width = 1280, Height = 720, ReviewState = review, CreatedAt = at,
        };
        take.StackId = parent?.StackId ?? take.Id;
        request.VideoId = take.Id;
        db.RenderRequests.Add(request);
        db.Videos.Add(take);
        return take;
    }
}
