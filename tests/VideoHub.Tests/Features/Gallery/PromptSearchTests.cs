using Microsoft.EntityFrameworkCore;
using VideoHub.Features.Gallery;
using VideoHub.Features.Gallery.Search;

namespace VideoHub.Tests.Features.Gallery;

/// <summary>FTS5 search over prompts: words, prefixes, accents, sync on change, and no query syntax from users.</summary>
public sealed class PromptSearchTests : IAsyncLifetime
{
    private readonly GalleryWorld world = new();

    public Task InitializeAsync() => world.InitializeAsync();
    public Task DisposeAsync() => world.DisposeAsync();

    private async Task<List<Guid>> SearchAsync(string text) =>
        (await world.Service<GalleryService>().PageAsync(world.Owner, new GalleryFilters { Search = text }, null, 50)).Items.Select(c => c.Id).ToList();

    [Fact]
    public async Task Search_MatchesEveryWord_AsPrefixes_IgnoringCaseAndAccents()
    {
        var car = await world.TakeAsync(world.ProjectA, "A red sports car drifts through the neon café at night");
        var boat = await world.TakeAsync(world.ProjectA, "A red sailing boat at dawn");

        Assert.Equal([car.Id], await SearchAsync("red car"));
        Assert.Equal([car.Id], await SearchAsync("NEO cafe"));
        Assert.Equal(new[] { car.Id, boat.Id }.Order(), (await SearchAsync("red")).Order());
        Assert.Empty(await SearchAsync("red submarine"));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("red\" OR \"")]
    [InlineData("NEAR(red car)")]
    [InlineData("red AND OR NOT")]
    [InlineData("Prompt:red")]
    [InlineData("*")]
    [InlineData("-red ^car")]
    [InlineData("(((")]
    [InlineData("red' ; DROP TABLE Videos; --")]
    [InlineData("{red car}")]
    [InlineData("🚗 red")]
    [InlineData("\u0000red")]
    public async Task QuerySyntaxAndSpecialCharacters_NeverReachFts_AndStillFindTheWords(string query)
    {
        var car = await world.TakeAsync(world.ProjectA, "red car");

        var found = await SearchAsync(query);

        Assert.True(found.Count <= 1);
        if (SearchTerms.Parse(query).Words.All(w => "red car".Contains(w, StringComparison.OrdinalIgnoreCase)) && !SearchTerms.Parse(query).IsEmpty)
            Assert.Equal([car.Id], found);
    }

    [Fact]
    public async Task AVeryLongQuery_IsCutToItsFirstWords_WithoutError()
    {
        await world.TakeAsync(world.ProjectA, "red car");

        var found = await SearchAsync(string.Join(" ", Enumerable.Repeat("red", 5000)) + new string('x', 10_000));

        Assert.Single(found);
    }

    [Fact]
    public async Task TheIndex_FollowsPromptChangesAndDeletes_ThroughItsTriggers()
    {
        var take = await world.TakeAsync(world.ProjectA, "a quiet forest");
        await using (var db = await world.DbAsync())
        {
            var row = await db.Videos.SingleAsync(v => v.Id == take.Id);
            row.Prompt = "a loud city";
            await db.SaveChangesAsync();
        }
        Assert.Empty(await SearchAsync("forest"));
        Assert.Equal([take.Id], await SearchAsync("city"));

        await using (var db = await world.DbAsync())
        {
            await db.Videos.Where(v => v.Id == take.Id).ExecuteDeleteAsync();
            Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM VideoSearch WHERE VideoSearch MATCH 'city'").SingleAsync());
        }
    }

    [Fact]
    public void SearchTerms_KeepOnlyLettersAndDigits()
    {
        Assert.Equal(["red", "car", "2026"], SearchTerms.Parse(" red\"car*  (2026) ").Words);
        Assert.True(SearchTerms.Parse("\"*()-:^").IsEmpty);
        Assert.Equal("\"red\"* AND \"car\"*", SqlitePromptSearch.ToMatchExpression(SearchTerms.Parse("red car")));
    }
}
