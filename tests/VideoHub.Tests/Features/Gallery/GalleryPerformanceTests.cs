using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Gallery;
using VideoHub.Features.Projects;
using Xunit.Abstractions;

namespace VideoHub.Tests.Features.Gallery;

/// <summary>What keeps the first screen cheap on many takes: index-only plans, a bounded count, cached filter choices.</summary>
public sealed class GalleryPerformanceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly GalleryWorld world = new();

    public Task InitializeAsync() => world.InitializeAsync();
    public Task DisposeAsync() => world.DisposeAsync();

    private GalleryService Gallery => world.Service<GalleryService>();

    [Theory]
    [InlineData(GallerySort.Newest, true)]
    [InlineData(GallerySort.Oldest, true)]
    [InlineData(GallerySort.Longest, true)]
    [InlineData(GallerySort.Shortest, true)]
    [InlineData(GallerySort.Newest, false)]
    [InlineData(GallerySort.Oldest, false)]
    [InlineData(GallerySort.Longest, false)]
    [InlineData(GallerySort.Shortest, false)]
    public async Task EveryGalleryQuery_WalksAPerProjectIndex_NeverScansTheTable(GallerySort sort, bool oneProject)
    {
        for (var i = 0; i < 6; i++) await world.TakeAsync(i % 2 == 0 ? world.ProjectA : world.ProjectB, seconds: i);
        var filters = new GalleryFilters { Sort = sort, ProjectId = oneProject ? world.ProjectA : null };
        var cursor = await Gallery.CursorBeforeAsync(world.Owner, filters, 1);
        Assert.NotNull(cursor);

        foreach (var (query, plan) in await Gallery.ExplainAsync(world.Owner, filters, cursor))
        {
            output.WriteLine($"{query}: {string.Join(" / ", plan)}");
            var index = sort is GallerySort.Longest or GallerySort.Shortest && query != "count" ? "IX_Videos_ProjectId_DurationSeconds_Id" : "IX_Videos_ProjectId_";
            // A bare "SCAN x" reads a whole table; only the union's own per-project subqueries (co-routines) may be scanned.
            var subqueries = plan.Where(l => l.StartsWith("CO-ROUTINE ", StringComparison.Ordinal)).Select(l => l["CO-ROUTINE ".Length..]).ToHashSet();
            Assert.DoesNotContain(plan, line => line.StartsWith("SCAN ", StringComparison.Ordinal) && !line.Contains("INDEX", StringComparison.Ordinal)
                && !subqueries.Contains(line["SCAN ".Length..]));
            Assert.Contains(plan, line => line.StartsWith("SEARCH ", StringComparison.Ordinal) && line.Contains(index, StringComparison.Ordinal));
            // One project, or each branch of the per-project union, is read in index order; only the union's merge of a page per project sorts.
            if (oneProject || query == "count") Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
            if (query is "count" or "jump") Assert.Contains(plan, line => line.Contains("COVERING INDEX", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task CountUpTo_StopsAtTheLimit_AndSaysThereAreMore()
    {
        for (var i = 0; i < 5; i++) await world.TakeAsync(world.ProjectA);

        var bounded = await Gallery.CountUpToAsync(world.Owner, new GalleryFilters(), 3);
        var whole = await Gallery.CountUpToAsync(world.Owner, new GalleryFilters(), 5);

        Assert.Equal(new GalleryCount(3, true), bounded);
        Assert.Equal("3+ takes", bounded.Label);
        Assert.Equal(new GalleryCount(5, false), whole);
        Assert.Equal(5, await Gallery.CountAsync(world.Owner, new GalleryFilters()));
        Assert.Equal(new GalleryCount(0, false), await Gallery.CountUpToAsync(world.Stranger, new GalleryFilters(), 3));
    }

    [Fact]
    public async Task Choices_OfferTheModelOfANewTake_AndDropAProjectTheUserNoLongerSees()
    {
        await world.TakeAsync(world.ProjectA, model: "model-one");
        await world.TakeAsync(world.ProjectB, model: "model-b");
        Assert.Equal(["model-b", "model-one"], (await Gallery.ChoicesAsync(world.Owner)).Models);

        await world.TakeAsync(world.ProjectA, model: "model-two", authorId: world.Editor.UserId);
        var owner = await Gallery.ChoicesAsync(world.Owner);
        var viewer = await Gallery.ChoicesAsync(world.Viewer);

        Assert.Equal(["model-b", "model-one", "model-two"], owner.Models);
        Assert.Contains(owner.Authors, a => a.Value == world.Editor.UserId);
        Assert.Equal(["model-one", "model-two"], viewer.Models);
        var projects = world.Service<ProjectService>();
        Assert.True((await projects.RemoveMemberAsync(world.Owner, world.ProjectA, world.Viewer.UserId)).Succeeded);
        Assert.Empty((await Gallery.ChoicesAsync(world.Viewer)).Models);
    }

    [Fact]
    public async Task AcrossProjects_AViewerSeesApprovedTakesWhereTheyView_AndEveryStateWhereTheyEdit()
    {
        var projects = world.Service<ProjectService>();
        Assert.True((await projects.AddMemberAsync(world.Owner, world.ProjectB, "viewer@example.com", ProjectRole.Editor)).Succeeded);
        var approvedA = await world.TakeAsync(world.ProjectA, state: ReviewState.Approved);
        await world.TakeAsync(world.ProjectA, state: ReviewState.Pending);
        var pendingB = await world.TakeAsync(world.ProjectB, state: ReviewState.Pending);

        var page = await Gallery.PageAsync(world.Viewer, new GalleryFilters(), null, 10);

        Assert.Equal(new[] { approvedA.Id, pendingB.Id }.Order(), page.Items.Select(c => c.Id).Order());
        Assert.Equal(new GalleryCount(2, false), await Gallery.CountUpToAsync(world.Viewer, new GalleryFilters(), 10));
    }
}
