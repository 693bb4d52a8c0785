using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Rendering;

namespace VideoHub.Tests.Features.Api;

/// <summary>Takes (the gallery's query), derived takes, batches and the catalog over the API.</summary>
public sealed class ApiResourceTests : ApiTestBase
{
    [Fact]
    public async Task Takes_AreListedWithTheGalleryFilters_AndPagedByCursor()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add(await ApiReviewTests.SeedTakeAsync(App, ProjectId, Owner.UserId));
        await App.DbAsync(db => db.Videos.Where(v => v.Id == ids[0])
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.ReviewState, ReviewState.Approved).SetProperty(v => v.Prompt, "A lighthouse in fog")));
        var outsider = await UserAsync("outsider");
        using var api = Client(await TokenAsync(Owner));

        var first = await JsonOf(await api.GetAsync($"/api/v1/takes?projectId={ProjectId}&limit=2"));
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await JsonOf(await api.GetAsync($"/api/v1/takes?projectId={ProjectId}&limit=2&cursor={Uri.EscapeDataString(cursor!)}"));
        var listed = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(t => t.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(ids.OrderByDescending(i => i), listed.OrderByDescending(i => i));
        Assert.Equal(3, listed.Distinct().Count());

        var approved = await JsonOf(await api.GetAsync($"/api/v1/takes?state=Approved"));
        Assert.Equal([ids[0]], approved.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()));
        var searched = await JsonOf(await api.GetAsync($"/api/v1/takes?q=lighthouse"));
        Assert.Equal([ids[0]], searched.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()));

        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/takes?state=Sleeping")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/takes?cursor=nonsense")).StatusCode);
        using var asOutsider = Client(await TokenAsync(outsider));
        var hidden = await JsonOf(await asOutsider.GetAsync($"/api/v1/takes?projectId={ProjectId}"));
        Assert.Empty(hidden.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ARemix_AndAnExtension_OfATake_AreRequestedWithTheTakesProviderAndPreChecked()
    {
        var takeId = await ApiReviewTests.SeedTakeAsync(App, ProjectId, Owner.UserId);
        using var api = Client(await TokenAsync(Owner));

        var remix = await PostAsync(api, $"/api/v1/takes/{takeId}/remix", new { prompt = "The same harbour at night" }, "remix-1");
        Assert.Equal(HttpStatusCode.Created, remix.StatusCode);
        var request = await JsonOf(remix);
        Assert.Equal("Remix", request.GetProperty("operation").GetString());
        Assert.Equal(takeId, request.GetProperty("parentVideoId").GetGuid());
        Assert.Equal("sora-2", request.GetProperty("model").GetString());
        var replay = await PostAsync(api, $"/api/v1/takes/{takeId}/remix", new { prompt = "The same harbour at night" }, "remix-1");
        Assert.Equal(request.GetProperty("id").GetGuid(), (await JsonOf(replay)).GetProperty("id").GetGuid());

        var extend = await PostAsync(api, $"/api/v1/takes/{takeId}/extend", new { prompt = "The boat sails out", seconds = 4 });
        Assert.Equal(HttpStatusCode.Created, extend.StatusCode);
        Assert.Equal("Extend", (await JsonOf(extend)).GetProperty("operation").GetString());

        var blocked = await PostAsync(api, $"/api/v1/takes/{takeId}/edit", new { prompt = "Make it Mickey Mouse" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        Assert.Contains((await JsonOf(blocked)).GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "Block");
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(api, $"/api/v1/takes/{Guid.NewGuid()}/remix", new { prompt = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(api, $"/api/v1/takes/{takeId}/remix", new { prompt = "" })).StatusCode);
        Assert.Equal(2, await App.DbAsync(db => db.RenderRequests.CountAsync(r => r.ParentVideoId == takeId)));

        var lineage = await JsonOf(await api.GetAsync($"/api/v1/takes/{takeId}/lineage"));
        Assert.Equal(takeId, Assert.Single(lineage.GetProperty("nodes").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/takes/{Guid.NewGuid()}/lineage")).StatusCode);
    }

    [Fact]
    public async Task ABatch_IsCreatedFromJsonl_ShowsItsProgress_AndCancels()
    {
        using var api = Client(await TokenAsync(Owner));
        var url = $"/api/v1/projects/{ProjectId}/batches";
        var created = await api.PostAsync(url + "?name=Storyboard%20night",
            Jsonl("{\"custom_id\":\"s1\",\"prompt\":\"A fox in snow\"}\n{\"custom_id\":\"s2\",\"prompt\":\"A fox at dusk\",\"seconds\":4}\n"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var batch = await JsonOf(created);
        var batchId = batch.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/projects/{ProjectId}/batches/{batchId}", created.Headers.Location?.OriginalString);
        Assert.Equal("Api", batch.GetProperty("source").GetString());
        Assert.Equal(2, batch.GetProperty("counts").GetProperty("total").GetInt32());

        var rows = await JsonOf(await api.GetAsync($"{url}/{batchId}/rows"));
        Assert.Equal(["s1", "s2"], rows.EnumerateArray().Select(r => r.GetProperty("customId").GetString()));

        var cancelled = await api.PostAsync($"{url}/{batchId}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Cancelled", (await JsonOf(cancelled)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync($"{url}/{batchId}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task ABatch_WithFailingRows_Answers422WithTheIssues_AndAnUnreadableBody400()
    {
        using var api = Client(await TokenAsync(Owner));
        var url = $"/api/v1/projects/{ProjectId}/batches";
        var refused = await api.PostAsync(url, Jsonl("{\"custom_id\":\"a\",\"prompt\":\"A fox in snow\"}\n{not json}\n"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var issue = Assert.Single((await JsonOf(refused)).GetProperty("issues").EnumerateArray());
        Assert.Equal(2, issue.GetProperty("lineNumber").GetInt32());

        var dropped = await api.PostAsync(url + "?dropFailingRows=true", Jsonl("{\"custom_id\":\"a\",\"prompt\":\"A fox in snow\"}\n{not json}\n"));
        Assert.Equal(HttpStatusCode.Created, dropped.StatusCode);
        Assert.Equal(1, (await JsonOf(dropped)).GetProperty("counts").GetProperty("total").GetInt32());

        var wrongType = await api.PostAsync(url, new StringContent("{\"prompt\":\"x\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal("application/problem+json", wrongType.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.PostAsync(url, Jsonl("\n"))).StatusCode);
        Assert.Equal(1, await App.DbAsync(db => db.Batches.CountAsync()));

        using var upload = new MultipartFormDataContent { { new StringContent("custom_id,prompt\nc1,A fox on ice\n"), "file", "night.csv" } };
        var fromFile = await api.PostAsync(url + "?name=From%20a%20file", upload);
        Assert.Equal(HttpStatusCode.Created, fromFile.StatusCode);
        Assert.Equal("From a file", (await JsonOf(fromFile)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task CatalogItems_AreListedAndSearched_AndOneIsReadWithItsVersions()
    {
        var itemId = Guid.CreateVersion7();
        var versionId = Guid.CreateVersion7();
        await App.DbAsync(db =>
        {
            db.CatalogItems.Add(new Domain.Catalog.CatalogItem
            {
                Id = itemId, Name = "Captain Nemo", NormalizedName = "CAPTAIN NEMO", OwnerId = Owner.UserId, OwnerName = "owner",
                Tags = "|sea|", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                Versions = [new Domain.Catalog.CatalogItemVersion { Id = versionId, CatalogItemId = itemId, Number = 1, CreatedBy = "owner", CreatedAt = DateTime.UtcNow }],
            });
            db.CatalogItems.Add(new Domain.Catalog.CatalogItem
            {
                Name = "Red balloon", NormalizedName = "RED BALLOON", Kind = Domain.Catalog.CatalogItemKind.Object, OwnerId = Owner.UserId,
                OwnerName = "owner", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        await App.DbAsync(db => db.CatalogItems.Where(i => i.Id == itemId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.CurrentVersionId, versionId).SetProperty(i => i.CurrentVersionNumber, 1)));
        using var api = Client(await TokenAsync(await UserAsync("anyone")));

        var all = await JsonOf(await api.GetAsync("/api/v1/catalog/items"));
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        var found = await JsonOf(await api.GetAsync("/api/v1/catalog/items?q=nemo"));
        Assert.Equal([itemId], found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        var objects = await JsonOf(await api.GetAsync("/api/v1/catalog/items?kind=Object"));
        Assert.Equal(["Red balloon"], objects.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));

        var item = await JsonOf(await api.GetAsync($"/api/v1/catalog/items/{itemId}"));
        Assert.Equal(["sea"], item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var version = Assert.Single(item.GetProperty("versions").EnumerateArray());
        Assert.True(version.GetProperty("isCurrent").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/catalog/items/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/catalog/items?kind=Vehicle")).StatusCode);
    }

    private static StringContent Jsonl(string text) => new(text, Encoding.UTF8, "application/jsonl");
}
