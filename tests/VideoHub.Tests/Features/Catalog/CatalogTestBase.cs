using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Users;
using VideoHub.Features.Catalog;
using VideoHub.Features.Catalog.Clips;
using VideoHub.Features.Projects;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Catalog;

/// <summary>The real app on a real SQLite file with small catalog limits, an editor with a project, and clip helpers.</summary>
public sealed class CatalogApp : VideoHubFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Catalog:MaxUploadBytes", "8000000"),
        new("Catalog:MaxSourceSeconds", "10"),
        new("Rendering:SchedulerEnabled", "false"),
    ];
}

public abstract class CatalogTestBase : IAsyncLifetime
{
    protected CatalogApp App { get; } = new();
    protected Actor Editor { get; private set; } = null!;
    protected Guid ProjectId { get; private set; }
    protected string ClipFolder { get; } = Path.Combine(Path.GetTempPath(), "videohub-tests", "clips-" + Guid.NewGuid().ToString("N"));

    public virtual async Task InitializeAsync()
    {
        Editor = await UserAsync("editor");
        ProjectId = await ProjectAsync(Editor, "Catalog " + Guid.NewGuid().ToString("N")[..6]);
    }

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        try { Directory.Delete(ClipFolder, recursive: true); } catch (IOException) { }
    }

    protected ClipStaging Staging => App.Services.GetRequiredService<ClipStaging>();
    protected string MediaCatalogFolder => Path.Combine(App.DataPath, "media", "catalog");

    protected async Task<Actor> UserAsync(string name, bool admin = false)
    {
        var user = await App.CreateUserAsync($"{name}@example.com", admin: admin, displayName: name);
        return new Actor(user.Id, name, admin);
    }

    protected async Task<Guid> ProjectAsync(Actor owner, string name, params (Actor User, ProjectRole Role)[] members)
    {
        using var scope = App.Services.CreateScope();
        var projects = scope.ServiceProvider.GetRequiredService<ProjectService>();
        var created = await projects.CreateAsync(owner, new ProjectInput { Name = name, Brief = "" });
        foreach (var (user, role) in members)
            Assert.True((await projects.AddMemberAsync(owner, created.Value, $"{user.UserName}@example.com", role)).Succeeded);
        return created.Value;
    }

    protected async Task<T> CatalogAsync<T>(Func<CatalogService, Task<T>> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<CatalogService>());
    }

    protected async Task<StageResult> StageFileAsync(Actor actor, string path, string? name = null)
    {
        await using var file = File.OpenRead(path);
        return await Staging.StageAsync(actor, file, name ?? Path.GetFileName(path));
    }

    protected async Task<StagedClip> StageGoodClipAsync(Actor actor, int width = 1280, int height = 720, double seconds = 3)
    {
        var staged = await StageFileAsync(actor, await TestClips.VideoAsync(ClipFolder, width, height, seconds));
        Assert.Null(staged.Error);
        return staged.Clip!;
    }

    protected static NewCatalogItem NewItem(string name, Guid token, Action<CatalogRightsInput>? rights = null)
    {
        var r = new CatalogRightsInput { RightsHolder = "Nova Studio", LicenceNote = "Signed consent 2026-01" };
        rights?.Invoke(r);
        return new NewCatalogItem(new CatalogItemInput { Name = name, Description = "A test character", Tags = ["hero", "Robot"] }, r, token);
    }

    protected async Task<T> DbAsync<T>(Func<VideoHubDbContext, Task<T>> query)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    protected int FilesUnder(string folder) => Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
}
