using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Users;
using VideoHub.Features.Admin.Audit;
using VideoHub.Tests.Infrastructure;
using static VideoHub.Tests.Features.Admin.AdminTestExtensions;

namespace VideoHub.Tests.Features.Admin;

public sealed class AuditQueryTests(VideoHubFactory factory) : IClassFixture<VideoHubFactory>, IDisposable
{
    private static readonly DateTime T0 = new(2026, 4, 10, 12, 0, 0, DateTimeKind.Utc);
    private readonly IServiceScope scope = factory.Services.CreateScope();
    private AuditQuery Query => scope.ServiceProvider.GetRequiredService<AuditQuery>();

    private async Task<Actor> AdminAsync() => await factory.ActorForAsync(await factory.CreateUserAsync(UniqueEmail("admin"), admin: true));

    /// <summary>Adds events of a kind no other test uses, so filters on it see only these rows.</summary>
    private async Task<List<AuditEvent>> SeedAsync(string entityType, params AuditEvent[] events)
    {
        await using var db = await factory.DbAsync();
        foreach (var e in events)
        {
            e.EntityType = entityType;
            if (e.Action.Length == 0) e.Action = AuditActions.ProjectUpdated;
            if (e.ActorName.Length == 0) e.ActorName = "Tester";
            db.AuditEvents.Add(e);
        }
        await db.SaveChangesAsync();
        return [.. events];
    }

    private static string NewType() => "test-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Page_IsNewestFirst_AndKeysetPagesVisitEveryRowOnce_EvenWithEqualTimes()
    {
        var me = await AdminAsync();
        var type = NewType();
        // Three rows share one instant: the Id breaks the tie, so no row is skipped or repeated across pages.
        await SeedAsync(type, [.. new[] { 0, 0, 0, 1, 2, 3, 4 }.Select((m, i) => new AuditEvent { At = T0.AddMinutes(m), EntityId = $"e{i}", Summary = $"row {i}" })]);
        var filter = new AuditFilter { EntityType = type };

        var seen = new List<AuditEvent>();
        AuditCursor? cursor = null;
        var pages = 0;
        do
        {
            var page = await Query.PageAsync(me, filter, cursor, pageSize: 3);
            seen.AddRange(page.Rows);
            cursor = page.Older;
            pages++;
        } while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(7, seen.Select(e => e.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Id), seen.Select(e => e.Id));
        Assert.Equal("e6", seen[0].EntityId);
    }

    [Fact]
    public async Task Page_FiltersByActionActorProjectEntityDatesAndSummaryText()
    {
        var me = await AdminAsync();
        var type = NewType();
        var project = Guid.NewGuid();
        var actor = await factory.CreateUserAsync(UniqueEmail("actor"));
        await SeedAsync(type,
            new AuditEvent { At = T0, Action = AuditActions.MemberAdded, ActorId = actor.Id, ProjectId = project, EntityId = "m1", Summary = "Added Zoë as Editor" },
            new AuditEvent { At = T0.AddDays(1), Action = AuditActions.MemberRemoved, ActorId = actor.Id, ProjectId = project, EntityId = "m2", Summary = "Removed Yann" },
            new AuditEvent { At = T0.AddDays(2), Action = AuditActions.MemberAdded, ProjectId = Guid.NewGuid(), EntityId = "m3", Summary = "Added Xavier" },
            new AuditEvent { At = T0.AddDays(5), Action = AuditActions.ProjectArchived, EntityId = "p1", Summary = "Archived the project" });

        async Task<string[]> Ids(AuditFilter f) =>
            (await Query.PageAsync(me, f with { EntityType = type })).Rows.Select(r => r.EntityId).ToArray();

        Assert.Equal(["m3", "m1"], await Ids(new AuditFilter { Action = AuditActions.MemberAdded }));
        Assert.Equal(["m2", "m1"], await Ids(new AuditFilter { ActorId = actor.Id }));
        Assert.Equal(["m2", "m1"], await Ids(new AuditFilter { ProjectId = project }));
        Assert.Equal(["m3"], await Ids(new AuditFilter { EntityId = " m3 " }));
        Assert.Equal(["m3", "m2"], await Ids(new AuditFilter { FromUtc = T0.AddDays(1), ToUtc = T0.AddDays(3) }));
        Assert.Equal(["p1"], await Ids(new AuditFilter { Text = "ARCHIVED" }));
        Assert.Equal(["m1"], await Ids(new AuditFilter { Action = AuditActions.MemberAdded, ProjectId = project }));
        Assert.Empty(await Ids(new AuditFilter { Text = "nothing like this" }));
    }

    [Fact]
    public async Task FilterChoices_ListActorsProjectsEntityTypesAndEveryKnownAction()
    {
        var me = await AdminAsync();
        var type = NewType();
        await SeedAsync(type, new AuditEvent { At = T0, EntityId = "x", Summary = "x" });
        var person = await factory.CreateUserAsync(UniqueEmail("findme"), displayName: "Findable Person");

        Assert.Contains(type, await Query.EntityTypesAsync(me));
        var actors = await Query.FindActorsAsync(me, "findable");
        Assert.Equal(person.Id, Assert.Single(actors).Id);
        var film = new Project { Name = $"Findable Film {type}", NameKey = Project.KeyFor($"Findable Film {type}"), CreatedById = person.Id };
        await using (var db = await factory.DbAsync())
        {
            db.Projects.Add(film);
            await db.SaveChangesAsync();
        }
        Assert.Equal(new AuditPick(film.Id.ToString(), film.Name), Assert.Single(await Query.FindProjectsAsync(me, $"film {type}")));
        Assert.Empty(await Query.FindProjectsAsync(me, "no such project " + type));
        Assert.Contains(AuditActions.UserDisabled, AuditQuery.KnownActions);
        Assert.Contains(AuditActions.SignInFailed, AuditQuery.KnownActions);
    }

    public void Dispose() => scope.Dispose();
}
