using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;
using VideoHub.Features.Rendering;
using VideoHub.Features.Rendering.Jobs;
using VideoHub.Providers;

namespace VideoHub.Tests.Features.Rendering.Infrastructure;

/// <summary>One app on its own data folder, an owner with a project, and the sweeps driven by the test.</summary>
public abstract class RenderingTestBase : IAsyncLifetime
{
    protected string DataPath { get; } = RenderingApp.NewDataPath();
    protected RenderingApp App { get; set; } = null!;
    protected Actor Owner { get; private set; } = null!;
    protected Guid ProjectId { get; private set; }

    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>Test services on top of the app's (e.g. a fake clock for the sweeps).</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    public virtual async Task InitializeAsync()
    {
        App = new RenderingApp(DataPath, ExtraSettings, ConfigureServices).Start();
        Owner = await UserAsync("owner");
        ProjectId = await ProjectAsync(Owner, "Rendering " + Guid.NewGuid().ToString("N")[..6]);
    }

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        RenderingApp.DeleteFolder(DataPath);
    }

    protected async Task<Actor> UserAsync(string name, bool admin = false)
    {
        var user = await App.CreateUserAsync($"{name}@example.com", admin: admin, displayName: name);
        return new Actor(user.Id, name, admin);
    }

    protected async Task<Guid> ProjectAsync(Actor owner, string name, params (Actor User, ProjectRole Role)[] members)
    {
        using var scope = App.Services.CreateScope();
        var projects = scope.ServiceProvider.GetRequiredService<ProjectService>();
        var created = await projects.CreateAsync(owner, new ProjectInput { Name = name, Brief = "A brief." });
        Assert.True(created.Succeeded, created.Message);
        foreach (var (user, role) in members)
            Assert.True((await projects.AddMemberAsync(owner, created.Value, $"{user.UserName}@example.com", role)).Succeeded);
        return created.Value;
    }

    protected async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> use) where TService : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected Task<RenderResult<RenderRequestView>> RequestAsync(string prompt, Actor? by = null, Guid? project = null,
        PreCheckVerdict verdict = PreCheckVerdict.Allowed, int seconds = 4) =>
        WithServiceAsync<RenderRequestService, RenderResult<RenderRequestView>>(s => s.CreateAsync(by ?? Owner,
            new NewRenderRequest(project ?? ProjectId, RenderOperation.Create, prompt, "local", "sora-2", "1280x720", seconds,
                verdict, """{"verdict":"ok"}""")));

    protected async Task<Guid> QueuedAsync(string prompt)
    {
        var result = await RequestAsync(prompt);
        Assert.True(result.Succeeded, result.Message);
        return result.Value!.Id;
    }

    /// <summary>One round of every sweep, as the scheduler would run them.</summary>
    protected async Task SweepOnceAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RenderSubmitter>().RunOnceAsync();
        await scope.ServiceProvider.GetRequiredService<RenderPoller>().RunOnceAsync();
        await scope.ServiceProvider.GetRequiredService<RenderDownloader>().RunOnceAsync();
    }

    /// <summary>Sweeps until every request is finished (the deadline only guards against a hang), calling <paramref name="between"/> each round.</summary>
    protected async Task<List<RenderRequest>> SweepUntilFinishedAsync(IReadOnlyCollection<Guid> ids, Action? between = null,
        Func<List<RenderRequest>, bool>? stopWhen = null)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            await SweepOnceAsync();
            between?.Invoke();
            var rows = await RowsAsync(ids);
            if (stopWhen?.Invoke(rows) ?? rows.All(r => RenderStateMachine.IsTerminal(r.State))) return rows;
            await Task.Delay(50, deadline.Token);
        }
    }

    protected Task<List<RenderRequest>> RowsAsync(IReadOnlyCollection<Guid> ids) =>
        App.DbAsync(db => db.RenderRequests.AsNoTracking().Include(r => r.Events).Where(r => ids.Contains(r.Id)).ToListAsync());

    /// <summary>The provider's jobs whose prompt is this one: exactly one per request means exactly-once submission.</summary>
    protected async Task<List<ProviderVideo>> ProviderJobsAsync(string prompt)
    {
        var provider = await App.Providers.PlainAsync();
        var page = (await provider.ListVideosAsync(new VideoListQuery(100))).GetValueOrThrow();
        return page.Videos.Where(v => v.Prompt == prompt).ToList();
    }

    protected string MediaPath => Path.Combine(DataPath, "media");
}
