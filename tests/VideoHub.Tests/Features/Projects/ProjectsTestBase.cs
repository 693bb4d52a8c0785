using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Projects;

/// <summary>
/// The real app on its own SQLite file, with a clock the test moves. The render sweeps are off: these tests drive
/// the services and pages, and a request they queue stays queued rather than going to the local provider.
/// </summary>
public sealed class ProjectsFactory : VideoHubFactory
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Rendering:SchedulerEnabled", "false")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Services resolved from the real container; users made through Identity.</summary>
public abstract class ProjectsTestBase : IAsyncLifetime
{
    protected ProjectsFactory Factory { get; } = new();
    private AsyncServiceScope scope;

    protected ProjectService Projects => scope.ServiceProvider.GetRequiredService<ProjectService>();
    protected ProjectAccess Access => scope.ServiceProvider.GetRequiredService<ProjectAccess>();
    protected DashboardService Dashboard => scope.ServiceProvider.GetRequiredService<DashboardService>();

    public virtual Task InitializeAsync()
    {
        _ = Factory.Server; // starts the host, which migrates the database
        scope = Factory.Services.CreateAsyncScope();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        await scope.DisposeAsync();
        await Factory.DisposeAsync();
    }

    protected async Task<Actor> UserAsync(string name, bool admin = false)
    {
        var user = await Factory.CreateUserAsync($"{name}@example.com", admin: admin, displayName: name);
        return new Actor(user.Id, name, admin);
    }

    /// <summary>A project owned by <paramref name="owner"/> with the other users added in the given roles.</summary>
    protected async Task<Guid> ProjectAsync(Actor owner, string name, params (Actor User, ProjectRole Role)[] members)
    {
        var created = await Projects.CreateAsync(owner, new ProjectInput { Name = name, Brief = "A brief." });
        Assert.True(created.Succeeded, created.Message);
        foreach (var (user, role) in members)
        {
            var added = await Projects.AddMemberAsync(owner, created.Value, $"{user.UserName}@example.com", role);
            Assert.True(added.Succeeded, added.Message);
        }
        return created.Value;
    }

    protected async Task<T> DbAsync<T>(Func<VideoHubDbContext, Task<T>> query)
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    protected Task<Project> LoadAsync(Guid id) =>
        DbAsync(db => db.Projects.AsNoTracking().Include(p => p.Members).SingleAsync(p => p.Id == id));

    protected Task<List<AuditEvent>> AuditAsync(string action) =>
        DbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());

    /// <summary>Settings by value (decimals read back from SQLite may differ in scale only).</summary>
    protected static object Fields(ProjectSettings s) =>
        (s.DefaultModel, s.DefaultSize, s.DefaultSeconds, s.MonthlyBudgetUsd, s.ApprovalThresholdUsd, s.ApprovalsRequired);

    protected Task<int> AuditCountAsync() => DbAsync(db => db.AuditEvents.CountAsync(e => e.ProjectId != null));
}
