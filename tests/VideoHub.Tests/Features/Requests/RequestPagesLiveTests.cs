using Bunit;
using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Projects;
using VideoHub.Features.Rendering;
using VideoHub.Features.Requests.Components;
using VideoHub.Features.Requests.Pages;
using VideoHub.Tests.Features.Rendering.Infrastructure;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Requests;

/// <summary>
/// The request pages rendered by bunit while the real jobs move renders through the local provider over HTTP:
/// live progress, history, the playable take, provider refusals as findings and the month's spend.
/// </summary>
public sealed class RequestPagesLiveTests : RenderingTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private MudTestContext test = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        test = new MudTestContext(App, Owner.UserId, Owner.UserName);
    }

    public override async Task DisposeAsync()
    {
        await test.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task ProviderModeration_IsShownOnTheRequestPage_InTheFindingShape()
    {
        var id = await QueuedAsync("a market scene with provider-block-test on a sign");
        await SweepUntilFinishedAsync([id]);

        var cut = test.Bunit.Render<RequestPage>(p => p.Add(x => x.Id, ProjectId).Add(x => x.RequestId, id));

        var finding = cut.WaitForElement("#provider-findings [data-testid=finding]", Wait);
        Assert.Equal("Block", finding.GetAttribute("data-severity"));
        Assert.Contains("Provider — The provider's content policy refused this request.", finding.TextContent);
        Assert.Contains("blocked by our moderation system", finding.TextContent);
        Assert.Contains("Suggested fix: Change the prompt or the image reference", finding.TextContent);
        Assert.Empty(cut.FindAll("#request-error"));
        Assert.Equal("Failed", cut.Find("[data-testid=state-chip]").GetAttribute("data-state"));
    }

    [Fact]
    public async Task RequestPage_FollowsTheRenderLive_ShowsItsHistory_AndPlaysTheTake()
    {
        var id = await QueuedAsync("a lighthouse at dusk, slow pan");
        var cut = test.Bunit.Render<RequestPage>(p => p.Add(x => x.Id, ProjectId).Add(x => x.RequestId, id));
        cut.WaitForAssertion(() => Assert.Equal("Queued", cut.Find("[data-testid=state-chip]").GetAttribute("data-state")), Wait);

        var row = Assert.Single(await SweepUntilFinishedAsync([id]));

        cut.WaitForAssertion(() => Assert.Equal("Ready", cut.Find("[data-testid=state-chip]").GetAttribute("data-state")), Wait);
        var video = cut.Find("video#take");
        Assert.Equal($"/media/videos/{row.VideoId}/video", video.GetAttribute("src"));
        Assert.Equal($"/media/videos/{row.VideoId}/thumbnail", video.GetAttribute("poster"));
        var take = await App.DbAsync(db => db.Videos.AsNoTracking().SingleAsync(v => v.Id == row.VideoId));
        Assert.True(File.Exists(Path.Combine(MediaPath, take.VideoKey)));
        Assert.Equal((1280, 720), (take.Width, take.Height));
        var history = cut.FindAll("[data-testid=history-item]").Select(e => e.TextContent).ToList();
        Assert.Equal(5, history.Count);
        Assert.Contains("Ready", history[^1]);
        Assert.Contains("job:download", history[^1]);
        Assert.Contains(row.ProviderJobId!, cut.Find("#fact-job").TextContent);
        Assert.Equal("$0.40", cut.Find("#fact-actual").TextContent);
    }

    [Fact]
    public async Task RequestPage_Cancel_StopsTheRequest_RecordsItInHistoryAndAudit_AndNothingIsSent()
    {
        var id = await QueuedAsync("a forest in fog");
        var cut = test.Bunit.Render<RequestPage>(p => p.Add(x => x.Id, ProjectId).Add(x => x.RequestId, id));

        cut.WaitForElement("#cancel-request", Wait).Click();

        cut.WaitForAssertion(() => Assert.Equal("Cancelled", cut.Find("[data-testid=state-chip]").GetAttribute("data-state")), Wait);
        Assert.Empty(cut.FindAll("#cancel-request"));
        Assert.Contains("Cancelled", cut.FindAll("[data-testid=history-item]")[^1].TextContent);
        await SweepOnceAsync();
        var row = Assert.Single(await RowsAsync([id]));
        Assert.Equal((RenderState.Cancelled, null), (row.State, row.ProviderJobId));
        Assert.Empty(await ProviderJobsAsync("a forest in fog"));
        Assert.True(await App.DbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.RenderCancelled && e.EntityId == id.ToString())));
    }

    [Fact]
    public async Task RequestPage_ForAnotherEditorsRequest_OffersNoCancel_AndTheServiceRefuses()
    {
        var ed = await UserAsync("ed");
        var project = await ProjectAsync(Owner, "Shared " + Guid.NewGuid().ToString("N")[..6], (ed, ProjectRole.Editor));
        var mine = await RequestAsync("the owner's own shot", project: project);
        await using var edTest = new MudTestContext(App, ed.UserId, ed.UserName);

        var cut = edTest.Bunit.Render<RequestPage>(p => p.Add(x => x.Id, project).Add(x => x.RequestId, mine.Value!.Id));
        cut.WaitForElement("#request-summary", Wait);

        Assert.Empty(cut.FindAll("#cancel-request"));
        var refused = await WithServiceAsync<RenderRequestService, RenderResult<RenderRequestView>>(s => s.CancelAsync(ed, mine.Value!.Id));
        Assert.Equal(RenderOutcome.Forbidden, refused.Outcome);
    }

    [Fact]
    public async Task RequestList_UpdatesStateAndProgressLive_WithoutReload()
    {
        var id = await QueuedAsync("waves on a pier");
        var cut = test.Bunit.Render<RequestListPage>(p => p.Add(x => x.Id, ProjectId));
        cut.WaitForAssertion(() => Assert.Equal("Queued", cut.Find($"[data-request='{id}'] [data-testid=state-chip]").GetAttribute("data-state")), Wait);
        var seenProgress = new List<int>();

        await SweepUntilFinishedAsync([id], between: () =>
        {
            foreach (var bar in cut.FindAll($"[data-request='{id}'] [data-testid=progress]"))
                seenProgress.Add(int.Parse(bar.GetAttribute("data-progress")!, System.Globalization.CultureInfo.InvariantCulture));
        });

        cut.WaitForAssertion(() => Assert.Equal("Ready", cut.Find($"[data-request='{id}'] [data-testid=state-chip]").GetAttribute("data-state")), Wait);
        Assert.NotEmpty(seenProgress);
        Assert.Empty(cut.FindAll($"[data-request='{id}'] [data-testid=progress]")); // finished: no bar
    }

    [Fact]
    public async Task MonthSpend_OnTheProjectOverview_UpdatesLive_AsRendersAreQueuedFinishAndFail()
    {
        var project = await WithServiceAsync<ProjectService, ProjectDetails?>(s => s.GetAsync(Owner, ProjectId));
        var cut = test.Bunit.Render<MonthSpend>(p => p.Add(x => x.Project, project!));
        cut.WaitForAssertion(() => Assert.StartsWith("$0.00", cut.Find("#month-spend-amount").TextContent), Wait);

        var good = await QueuedAsync("a calm lake at noon");
        cut.WaitForAssertion(() => Assert.StartsWith("$0.40", cut.Find("#month-spend-amount").TextContent), Wait);
        var refused = await QueuedAsync("a street with provider-block-test graffiti");
        cut.WaitForAssertion(() => Assert.StartsWith("$0.80", cut.Find("#month-spend-amount").TextContent), Wait);

        var rows = await SweepUntilFinishedAsync([good, refused]);

        Assert.Equal([RenderState.Ready, RenderState.Failed], rows.OrderBy(r => r.Id == refused).Select(r => r.State));
        // The refused render costs nothing once it has failed; the finished one counts at its actual cost.
        cut.WaitForAssertion(() => Assert.StartsWith("$0.40", cut.Find("#month-spend-amount").TextContent), Wait);
        Assert.Contains("of $", cut.Find("#month-spend-amount").TextContent);
    }
}
