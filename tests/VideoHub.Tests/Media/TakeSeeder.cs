using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Rendering;
using VideoHub.Media;
using VideoHub.Providers;

namespace VideoHub.Tests.Media;

/// <summary>A finished take written straight to the database and media storage, for tests of what serves it.</summary>
public static class TakeSeeder
{
    public static async Task<Video> SeedAsync(IServiceProvider services, Guid projectId, string authorId, byte[] video, byte[] picture)
    {
        var storage = services.GetRequiredService<IMediaStorage>();
        var now = DateTime.UtcNow;
        var request = new RenderRequest
        {
            ProjectId = projectId, AuthorId = authorId, AuthorName = "seed", Prompt = "seeded", ProviderId = "local",
            Model = "sora-2", Size = "1280x720", Seconds = 4, State = RenderState.Ready, CreatedAt = now, UpdatedAt = now,
        };
        var take = new Video
        {
            ProjectId = projectId, RenderRequestId = request.Id, ProviderId = "local", ProviderJobId = "video_seed",
            Model = "sora-2", Prompt = "seeded", Bytes = video.Length, CreatedAt = now,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(video)),
        };
        request.VideoId = take.Id;
        take.VideoKey = await WriteAsync(storage, MediaKeys.For(projectId, take.Id, ContentVariant.Video), video);
        take.ThumbnailKey = await WriteAsync(storage, MediaKeys.For(projectId, take.Id, ContentVariant.Thumbnail), picture);
        take.SpritesheetKey = await WriteAsync(storage, MediaKeys.For(projectId, take.Id, ContentVariant.Spritesheet), picture);

        await using var db = await services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        db.RenderRequests.Add(request);
        db.Videos.Add(take);
        await db.SaveChangesAsync();
        return take;
    }

    private static async Task<string> WriteAsync(IMediaStorage storage, string key, byte[] content)
    {
        await using var write = storage.BeginWrite(key);
        await write.Stream.WriteAsync(content);
        await write.CommitAsync();
        return key;
    }
}
