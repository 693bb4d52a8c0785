using VideoHub.Features.Gallery.Collections;

namespace VideoHub.Tests.Features.Gallery;

/// <summary>Boards across projects: the owner edits; members of a shown project see only their projects' takes.</summary>
public sealed class CollectionTests : IAsyncLifetime
{
    private readonly GalleryWorld world = new();

    public Task InitializeAsync() => world.InitializeAsync();
    public Task DisposeAsync() => world.DisposeAsync();

    private CollectionService Collections => world.Service<CollectionService>();

    [Fact]
    public async Task ABoardAcrossProjects_ShowsEachViewerOnlyTheirProjectsTakes_AndIsNotFoundForStrangers()
    {
        var a = await world.TakeAsync(world.ProjectA, "alpha take");
        var b = await world.TakeAsync(world.ProjectB, "beta take");
        var id = (await Collections.CreateAsync(world.Owner, "Best of")).Value;
        Assert.True((await Collections.AddAsync(world.Owner, id, a.Id)).Succeeded);
        Assert.True((await Collections.AddAsync(world.Owner, id, b.Id)).Succeeded);

        var owner = await Collections.GetAsync(world.Owner, id);
        var viewer = await Collections.GetAsync(world.Viewer, id);
        var stranger = await Collections.GetAsync(world.Stranger, id);

        Assert.Equal([a.Id, b.Id], owner!.Takes.Select(t => t.Id));
        Assert.Equal([a.Id], viewer!.Takes.Select(t => t.Id));
        Assert.Equal(1, viewer.HiddenTakes);
        Assert.False(viewer.IsMine);
        Assert.Null(stranger);
        Assert.Contains(await Collections.ListAsync(world.Viewer), c => c.Id == id && c.VisibleTakes == 1);
        Assert.DoesNotContain(await Collections.ListAsync(world.Stranger), c => c.Id == id);
    }

    [Fact]
    public async Task OnlyTheOwner_AddsRemovesAndReorders_AndOnlyTakesTheyMaySee()
    {
        var takes = new[] { await world.TakeAsync(world.ProjectA, "one"), await world.TakeAsync(world.ProjectA, "two"), await world.TakeAsync(world.ProjectA, "three") };
        var viewersBoard = (await Collections.CreateAsync(world.Viewer, "Viewer's")).Value;
        var id = (await Collections.CreateAsync(world.Owner, "Order")).Value;
        foreach (var t in takes) Assert.True((await Collections.AddAsync(world.Owner, id, t.Id)).Succeeded);

        Assert.True((await Collections.MoveAsync(world.Owner, id, takes[2].Id, 0)).Succeeded);
        Assert.True((await Collections.RemoveAsync(world.Owner, id, takes[1].Id)).Succeeded);
        Assert.True((await Collections.AddAsync(world.Owner, id, takes[0].Id)).Succeeded); // again: no change

        Assert.True((await Collections.AddAsync(world.Editor, id, takes[1].Id)).IsNotFound);
        Assert.True((await Collections.MoveAsync(world.Viewer, id, takes[0].Id, 0)).IsNotFound);
        Assert.True((await Collections.DeleteAsync(world.Viewer, id)).IsNotFound);
        var other = await world.TakeAsync(world.ProjectB, "not the viewer's");
        Assert.True((await Collections.AddAsync(world.Viewer, viewersBoard, other.Id)).IsNotFound);

        Assert.Equal([takes[2].Id, takes[0].Id], (await Collections.GetAsync(world.Owner, id))!.Takes.Select(t => t.Id));
    }

    [Fact]
    public async Task ABlankOrOverlongName_IsRefusedWithAMessage()
    {
        Assert.False((await Collections.CreateAsync(world.Owner, "   ")).Succeeded);
        Assert.False((await Collections.CreateAsync(world.Owner, new string('x', 121))).Succeeded);
        Assert.Empty(await Collections.MineAsync(world.Owner));
    }
}
