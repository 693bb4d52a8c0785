using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Gallery;

namespace VideoHub.Tests.Features.Gallery;

/// <summary>The gallery query: keyset paging in every order, every filter, and who sees which takes.</summary>
public sealed class GalleryQueryTests : IAsyncLifetime
{
    private readonly GalleryWorld world = new();

    public Task InitializeAsync() => world.InitializeAsync();
    public Task DisposeAsync() => world.DisposeAsync();

    private GalleryService Gallery => world.Service<GalleryService>();

    private async Task<List<GalleryCard>> AllPagesAsync(VideoHub.Domain.Users.Actor actor, GalleryFilters filters, int size)
    {
        var all = new List<GalleryCard>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Gallery.PageAsync(actor, filters, cursor, size);
            Assert.True(page.Items.Count <= size);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
            Assert.True(++pages < 1000, "paging never ended");
        } while (cursor is not null);
        return all;
    }

    [Theory]
    [InlineData(GallerySort.Newest)]
    [InlineData(GallerySort.Oldest)]
    [InlineData(GallerySort.Longest)]
    [InlineData(GallerySort.Shortest)]
    public async Task KeysetPaging_VisitsEveryTakeOnce_InOrder_EvenWithTiedSortKeys(GallerySort sort)
    {
        var sameInstant = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 37; i++)
            await world.TakeAsync(i % 2 == 0 ? world.ProjectA : world.ProjectB, $"take {i}", seconds: i % 4, at: i % 3 == 0 ? sameInstant : sameInstant.AddMinutes(i));

        var cards = await AllPagesAsync(world.Owner, new GalleryFilters { Sort = sort }, 5);

        Assert.Equal(37, cards.Count);
        Assert.Equal(37, cards.Select(c => c.Id).Distinct().Count());
        var expected = sort switch
        {
            GallerySort.Oldest => cards.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id.ToString().ToUpperInvariant(), StringComparer.Ordinal),
            GallerySort.Longest => cards.OrderByDescending(c => c.DurationSeconds).ThenByDescending(c => c.Id.ToString().ToUpperInvariant(), StringComparer.Ordinal),
            GallerySort.Shortest => cards.OrderBy(c => c.DurationSeconds).ThenBy(c => c.Id.ToString().ToUpperInvariant(), StringComparer.Ordinal),
            _ => cards.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id.ToString().ToUpperInvariant(), StringComparer.Ordinal),
        };
        Assert.Equal(expected.Select(c => c.Id), cards.Select(c => c.Id));
        Assert.Equal(37, await Gallery.CountAsync(world.Owner, new GalleryFilters { Sort = sort }));
    }

    [Fact]
    public async Task ATamperedCursor_GivesAnEmptyPage_NotAnError()
    {
        await world.TakeAsync(world.ProjectA);

        var page = await Gallery.PageAsync(world.Owner, new GalleryFilters(), "not|a-cursor'; DROP TABLE Videos;--", 10);

        Assert.Empty(page.Items);
        Assert.Single((await Gallery.PageAsync(world.Owner, new GalleryFilters(), null, 10)).Items);
    }

    [Fact]
    public async Task Viewers_SeeOnlyApprovedTakesByDefault_AndEveryStateWhenTheyAsk_NeverOtherProjects()
    {
        var approved = await world.TakeAsync(world.ProjectA, state: ReviewState.Approved);
        var pending = await world.TakeAsync(world.ProjectA, state: ReviewState.Pending);
        var elsewhere = await world.TakeAsync(world.ProjectB, state: ReviewState.Approved);

        var byDefault = (await Gallery.PageAsync(world.Viewer, new GalleryFilters(), null, 50)).Items.Select(c => c.Id).ToList();
        var all = (await Gallery.PageAsync(world.Viewer, new GalleryFilters { AllStates = true }, null, 50)).Items.Select(c => c.Id).ToList();
        var editorDefault = (await Gallery.PageAsync(world.Editor, new GalleryFilters(), null, 50)).Items.Select(c => c.Id).ToList();
        var otherProject = await Gallery.PageAsync(world.Viewer, new GalleryFilters { ProjectId = world.ProjectB }, null, 50);
        var stranger = await Gallery.PageAsync(world.Stranger, new GalleryFilters { AllStates = true }, null, 50);

        Assert.Equal([approved.Id], byDefault);
        Assert.Equal(new[] { approved.Id, pending.Id }.Order(), all.Order());
        Assert.Equal(new[] { approved.Id, pending.Id }.Order(), editorDefault.Order());
        Assert.DoesNotContain(elsewhere.Id, all);
        Assert.Empty(otherProject.Items);
        Assert.Empty(stranger.Items);
    }

    [Fact]
    public async Task Filters_ProjectStateModelAspectItemAuthorAndDates_EachNarrowTheGrid()
    {
        var itemId = Guid.NewGuid();
        var wide = await world.TakeAsync(world.ProjectA, model: "sora-2", width: 1280, height: 720, at: new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        var tall = await world.TakeAsync(world.ProjectA, model: "sora-2-pro", width: 720, height: 1280, state: ReviewState.Rejected,
            at: new DateTime(2026, 3, 5, 0, 0, 0, DateTimeKind.Utc), authorId: world.Editor.UserId, catalogItemId: itemId);
        var square = await world.TakeAsync(world.ProjectB, width: 1024, height: 1024, at: new DateTime(2026, 3, 9, 0, 0, 0, DateTimeKind.Utc));

        async Task<List<Guid>> Ids(GalleryFilters f) => (await Gallery.PageAsync(world.Owner, f, null, 50)).Items.Select(c => c.Id).ToList();

        Assert.Equal([square.Id], await Ids(new() { ProjectId = world.ProjectB }));
        Assert.Equal([tall.Id], await Ids(new() { State = ReviewState.Rejected }));
        Assert.Equal([tall.Id], await Ids(new() { Model = "sora-2-pro" }));
        Assert.Equal([wide.Id], await Ids(new() { Aspect = Aspect.Landscape }));
        Assert.Equal([tall.Id], await Ids(new() { Aspect = Aspect.Portrait }));
        Assert.Equal([square.Id], await Ids(new() { Aspect = Aspect.Square }));
        Assert.Equal([tall.Id], await Ids(new() { CatalogItemId = itemId }));
        Assert.Equal([tall.Id], await Ids(new() { AuthorId = world.Editor.UserId }));
        Assert.Equal([tall.Id], await Ids(new() { From = new DateTime(2026, 3, 4, 0, 0, 0, DateTimeKind.Utc), To = new DateTime(2026, 3, 5, 0, 0, 0, DateTimeKind.Utc) }));
    }

    [Fact]
    public async Task Filters_RoundTripThroughTheUrl_AndNonsenseInTheUrlIsIgnored()
    {
        var filters = new GalleryFilters
        {
            ProjectId = Guid.NewGuid(), State = ReviewState.Approved, Model = "sora-2", Aspect = Aspect.Portrait, CatalogItemId = Guid.NewGuid(),
            AuthorId = "user-1", From = new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc), To = new DateTime(2026, 2, 3, 0, 0, 0, DateTimeKind.Utc),
            Sort = GallerySort.Longest, Search = "red \"car\"", PickedOnly = true, FavouritesOnly = true,
        };

        Assert.Equal(filters, GalleryFilters.FromQuery(filters.ToQueryString()));
        Assert.Equal(new GalleryFilters { AllStates = true }, GalleryFilters.FromQuery("?state=all&sort=sideways&aspect=7&project=x&from=yesterday"));
        Assert.Empty(GalleryFilters.Unreadable(filters.ToQueryString()));
        Assert.Equal(["project", "aspect", "from", "sort"], GalleryFilters.Unreadable("?state=all&sort=sideways&aspect=7&project=x&from=yesterday&model=anything"));
        Assert.Equal(["state", "to", "picked"], GalleryFilters.Unreadable("?state=lost&to=2026-13-01&picked=yes&fav=1"));
    }

    [Fact]
    public async Task PickedAndFavourite_AreSetByMembersWhoMayComment_NotByViewersOrStrangers()
    {
        var take = await world.TakeAsync(world.ProjectA);

        Assert.True(await Gallery.SetFlagsAsync(world.Editor, take.Id, picked: true, favourite: null));
        Assert.False(await Gallery.SetFlagsAsync(world.Viewer, take.Id, picked: false, favourite: true));
        Assert.False(await Gallery.SetFlagsAsync(world.Stranger, take.Id, picked: false, favourite: true));

        var card = (await Gallery.PageAsync(world.Owner, new GalleryFilters { PickedOnly = true }, null, 10)).Items.Single();
        Assert.True(card.IsPicked);
        Assert.False(card.IsFavourite);
    }

    [Fact]
    public async Task PickFromTheGallery_KeepsOnePickPerVersionStack_AndIsAudited()
    {
        var first = await world.TakeAsync(world.ProjectA, "first version");
        var second = await world.TakeAsync(world.ProjectA, "second version");
        await using var db = await world.DbAsync();
        await db.Videos.Where(v => v.Id == second.Id).ExecuteUpdateAsync(u => u.SetProperty(v => v.StackId, first.Id));

        Assert.True(await Gallery.SetFlagsAsync(world.Editor, first.Id, picked: true, favourite: null));
        Assert.True(await Gallery.SetFlagsAsync(world.Editor, second.Id, picked: true, favourite: true));

        Assert.Equal([second.Id], await db.Videos.AsNoTracking().Where(v => v.IsPicked).Select(v => v.Id).ToListAsync());
        Assert.True(await db.Videos.AsNoTracking().Where(v => v.Id == second.Id).Select(v => v.IsFavourite).SingleAsync());
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ReviewTakePicked));
    }
}
