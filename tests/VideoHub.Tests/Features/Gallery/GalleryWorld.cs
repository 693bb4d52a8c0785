using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Gallery;

/// <summary>
/// Two projects and four users on the real app: owner (owns both), viewer (Viewer of A), editor (Editor of A),
/// stranger (no project). Takes are written straight to the database with the facts a test needs.
/// </summary>
public sealed class GalleryWorld : IAsyncLifetime
{
    public VideoHubFactory Factory { get; } = new();
    public Actor Owner { get; private set; } = null!;
    public Actor Viewer { get; private set; } = null!;
    public Actor Editor { get; private set; } = null!;
    public Actor Stranger { get; private set; } = null!;
    public Guid ProjectA { get; private set; }
    public Guid ProjectB { get; private set; }

    public async Task InitializeAsync()
    {
        Owner = await ActorAsync("owner@example.com");
        Viewer = await ActorAsync("viewer@example.com");
        Editor = await ActorAsync("editor@example.com");
        Stranger = await ActorAsync("stranger@example.com");
        using var scope = Factory.Services.CreateScope();
        var projects = scope.ServiceProvider.GetRequiredService<ProjectService>();
        ProjectA = (await projects.CreateAsync(Owner, new ProjectInput { Name = "Alpha", Brief = "" })).Value;
        ProjectB = (await projects.CreateAsync(Owner, new ProjectInput { Name = "Beta", Brief = "" })).Value;
        Assert.True((await projects.AddMemberAsync(Owner, ProjectA, "viewer@example.com", ProjectRole.Viewer)).Succeeded);
        Assert.True((await projects.AddMemberAsync(Owner, ProjectA, "editor@example.com", ProjectRole.Editor)).Succeeded);
    }

    private async Task<Actor> ActorAsync(string email)
    {
        var user = await Factory.CreateUserAsync(email);
        return new Actor(user.Id, email.Split('@')[0], false);
    }

    public T Service<T>() where T : notnull => Factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public async Task<Video> TakeAsync(Guid projectId, string prompt = "a take", string model = "sora-2", int width = 1280, int height = 720,
        double seconds = 4, ReviewState state = ReviewState.Pending, DateTime? at = null, string? authorId = null, Guid? catalogItemId = null)
    {
        var now = at ?? DateTime.UtcNow;
        var request = new RenderRequest
        {
            ProjectId = projectId, AuthorId = authorId ?? Owner.UserId, AuthorName = "author", Prompt = prompt, ProviderId = "local",
            Model = model, Size = $"{width}x{height}", Seconds = (int)seconds, State = RenderState.Ready, CreatedAt = now, UpdatedAt = now,
        };
        var take = new Video
        {
            ProjectId = projectId, RenderRequestId = request.Id, ProviderId = "local", ProviderJobId = "job", Model = model, Prompt = prompt,
            VideoKey = "none", DurationSeconds = seconds, Width = width, Height = height, ReviewState = state, CreatedAt = now,
        };
        take.StackId = take.Id;
        request.VideoId = take.Id;
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        db.RenderRequests.Add(request);
        db.Videos.Add(take);
        if (catalogItemId is { } itemId)
        {
            db.CatalogItems.Add(new VideoHub.Domain.Catalog.CatalogItem { Id = itemId, Name = "Nova", NormalizedName = "NOVA" + itemId, OwnerId = Owner.UserId, OwnerName = "o", CreatedAt = now, UpdatedAt = now });
            var version = new VideoHub.Domain.Catalog.CatalogItemVersion { CatalogItemId = itemId, Number = 1, ClipKey = "x" };
            db.CatalogItemVersions.Add(version);
            db.RenderRequestCatalogItems.Add(new VideoHub.Domain.Catalog.RenderRequestCatalogItem { RenderRequestId = request.Id, CatalogItemId = itemId, CatalogItemVersionId = version.Id, Name = "Nova" });
        }
        await db.SaveChangesAsync();
        return take;
    }

    public async Task<VideoHubDbContext> DbAsync() =>
        await Factory.Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
