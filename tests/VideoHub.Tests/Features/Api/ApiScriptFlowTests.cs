using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;

namespace VideoHub.Tests.Features.Api;

/// <summary>What a script does with the API, end to end over HTTP against the local provider.</summary>
public sealed class ApiScriptFlowTests : ApiTestBase
{
    private const string Prompt = "A red kite drifts over a calm sea at dawn, slow pan";

    [Fact]
    public async Task Script_PreChecks_Submits_PollsToReady_DownloadsEveryVariant_AndApproves()
    {
        using var api = Client(await TokenAsync(Owner));

        var projects = await JsonOf(await api.GetAsync("/api/v1/projects"));
        Assert.Contains(projects.EnumerateArray(), p => p.GetProperty("id").GetGuid() == ProjectId);

        var precheck = await PostAsync(api, $"/api/v1/projects/{ProjectId}/precheck", new { prompt = Prompt });
        Assert.Equal(HttpStatusCode.OK, precheck.StatusCode);
        var check = await JsonOf(precheck);
        Assert.False(check.GetProperty("blocked").GetBoolean());
        Assert.True(check.GetProperty("estimatedCostUsd").GetDecimal() > 0);
        Assert.Equal(0, await App.DbAsync(db => Task.FromResult(db.RenderRequests.Count())));

        var created = await PostAsync(api, $"/api/v1/projects/{ProjectId}/render-requests", new { prompt = Prompt }, "night-run-1");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var request = await JsonOf(created);
        var requestId = request.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/render-requests/{requestId}", created.Headers.Location?.OriginalString);
        Assert.Equal("Queued", request.GetProperty("state").GetString());

        var ready = await PollUntilFinishedAsync(api, requestId);
        Assert.Equal("Ready", ready.GetProperty("state").GetString());
        Assert.Contains(ready.GetProperty("history").EnumerateArray(), e => e.GetProperty("to").GetString() == "Rendering");
        var takeId = ready.GetProperty("takeId").GetGuid();

        var take = await JsonOf(await api.GetAsync($"/api/v1/takes/{takeId}"));
        Assert.Equal(ProjectId, take.GetProperty("projectId").GetGuid());
        Assert.Equal("Pending", take.GetProperty("reviewState").GetString());
        var video = await api.GetAsync($"/api/v1/takes/{takeId}/video");
        Assert.Equal(HttpStatusCode.OK, video.StatusCode);
        Assert.Equal("video/mp4", video.Content.Headers.ContentType?.MediaType);
        var bytes = await video.Content.ReadAsByteArrayAsync();
        Assert.Equal(take.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        foreach (var variant in new[] { "thumbnail", "spritesheet" })
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/takes/{takeId}/{variant}")).StatusCode);

        using var range = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/takes/{takeId}/video");
        range.Headers.Range = new RangeHeaderValue(0, 99);
        var partial = await api.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[..100], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/takes/{takeId}/poster")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/takes/{takeId}/original")).StatusCode);

        // The script approves the take it checked, and the take is approved.
        var approval = await PostAsync(api, $"/api/v1/takes/{takeId}/decisions", new { verdict = "Approve" }, "approve-night-run-1");
        Assert.Equal(HttpStatusCode.OK, approval.StatusCode);
        Assert.Equal("Approved", (await JsonOf(approval)).GetProperty("reviewState").GetString());
        Assert.Equal("Approved", (await JsonOf(await api.GetAsync($"/api/v1/takes/{takeId}"))).GetProperty("reviewState").GetString());
        var approvedTakes = await JsonOf(await api.GetAsync($"/api/v1/takes?projectId={ProjectId}&state=Approved"));
        Assert.Equal([takeId], approvedTakes.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Create_WithTheSameIdempotencyKey_ReplaysTheAnswer_AndRendersOnce()
    {
        using var api = Client(await TokenAsync(Owner));
        var url = $"/api/v1/projects/{ProjectId}/render-requests";
        var first = await PostAsync(api, url, new { prompt = Prompt, seconds = 4 }, "same-key");
        // Same body, different formatting: still the same request.
        using var again = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent($$"""{ "seconds": 4,  "prompt": "{{Prompt}}" }""") };
        again.Headers.Add("Idempotency-Key", "same-key");
        var second = await api.SendAsync(again);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal((await JsonOf(first)).GetProperty("id").GetGuid(), (await JsonOf(second)).GetProperty("id").GetGuid());
        Assert.Equal(1, await App.DbAsync(db => Task.FromResult(db.RenderRequests.Count())));

        var different = await PostAsync(api, url, new { prompt = Prompt + " at dusk" }, "same-key");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.Equal("application/problem+json", different.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await App.DbAsync(db => Task.FromResult(db.RenderRequests.Count())));
    }

    [Fact]
    public async Task Create_WhenThePreCheckBlocks_Answers422WithTheFindings_AndCreatesNothing()
    {
        using var api = Client(await TokenAsync(Owner));
        const string blocked = "Mickey Mouse waves at the camera";
        var precheck = await JsonOf(await PostAsync(api, $"/api/v1/projects/{ProjectId}/precheck", new { prompt = blocked }));
        var response = await PostAsync(api, $"/api/v1/projects/{ProjectId}/render-requests", new { prompt = blocked });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await JsonOf(response);
        Assert.Equal("The pre-check blocks this request", problem.GetProperty("title").GetString());
        var finding = problem.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("severity").GetString() == "Block");
        Assert.Equal("CopyrightedCharacter", finding.GetProperty("category").GetString());
        Assert.Equal(0, finding.GetProperty("span").GetProperty("start").GetInt32());
        Assert.Equal("Mickey Mouse", finding.GetProperty("matchedText").GetString());
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("suggestedFix").GetString()));
        // The pre-check route answers the very same findings.
        Assert.Equal(precheck.GetProperty("findings").GetRawText(), problem.GetProperty("findings").GetRawText());
        Assert.Equal(0, await App.DbAsync(db => Task.FromResult(db.RenderRequests.Count())));
    }

    [Fact]
    public async Task Create_WithWarnings_NeedsAcknowledgementAndReason()
    {
        using var api = Client(await TokenAsync(Owner));
        const string warned = "A lighthouse at night in the style of Wes Anderson";
        var url = $"/api/v1/projects/{ProjectId}/render-requests";

        var refused = await PostAsync(api, url, new { prompt = warned });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.True((await JsonOf(refused)).GetProperty("errors").TryGetProperty("warningReason", out _));

        var accepted = await PostAsync(api, url, new { prompt = warned, acknowledgeWarnings = true, warningReason = "Homage agreed with legal" });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal("Homage agreed with legal", (await JsonOf(accepted)).GetProperty("acknowledgementReason").GetString());
    }

    [Fact]
    public async Task List_PagesWithTheCursor_AndFiltersByState_AndCancelStopsARender()
    {
        using var api = Client(await TokenAsync(Owner));
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ids.Add((await JsonOf(await PostAsync(api, $"/api/v1/projects/{ProjectId}/render-requests", new { prompt = $"{Prompt} {i}" })))
                .GetProperty("id").GetGuid());

        var first = await JsonOf(await api.GetAsync($"/api/v1/projects/{ProjectId}/render-requests?limit=2"));
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await JsonOf(await api.GetAsync($"/api/v1/projects/{ProjectId}/render-requests?limit=2&cursor={cursor}"));
        var listed = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(ids.AsEnumerable().Reverse(), listed);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        var cancelled = await api.PostAsync($"/api/v1/render-requests/{ids[0]}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync($"/api/v1/render-requests/{ids[0]}/cancel", null)).StatusCode);
        var onlyCancelled = await JsonOf(await api.GetAsync($"/api/v1/projects/{ProjectId}/render-requests?state=Cancelled"));
        Assert.Equal([ids[0]], onlyCancelled.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
    }

    private async Task<JsonElement> PollUntilFinishedAsync(HttpClient api, Guid requestId)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            await SweepOnceAsync();
            var current = await JsonOf(await api.GetAsync($"/api/v1/render-requests/{requestId}", deadline.Token));
            if (current.GetProperty("state").GetString() is "Ready" or "Failed" or "Cancelled") return current;
            await Task.Delay(100, deadline.Token);
        }
    }
}
