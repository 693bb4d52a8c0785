using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Rendering;
using VideoHub.Features.Requests.Pages;
using VideoHub.Tests.Features.Projects;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Requests;

/// <summary>The requests list (filters, paging) and the approvals page, by bunit over the real services and SQLite file.</summary>
public sealed class RequestListAndApprovalsTests : ProjectsTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private MudTestContext test = null!;
    private Actor ana = null!, ed = null!;
    private Guid projectId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        ana = await UserAsync("ana");
        ed = await UserAsync("ed");
        projectId = await ProjectAsync(ana, "Summer Trailer", (ed, ProjectRole.Editor));
        test = new MudTestContext(Factory, ana.UserId, "ana");
    }

    public override async Task DisposeAsync()
    {
        await test.DisposeAsync();
        await base.DisposeAsync();
    }

    private async Task<Guid> RequestAsync(Actor by, string prompt, PreCheckVerdict verdict = PreCheckVerdict.Allowed, string model = "sora-2",
        string size = "1280x720")
    {
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await using var scope = Factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<RenderRequestService>().CreateAsync(by,
            new NewRenderRequest(projectId, RenderOperation.Create, prompt, "local", model, size, 4, verdict, "{}"));
        Assert.True(created.Succeeded, created.Message);
        return created.Value!.Id;
    }

    private static List<string> Prompts(IRenderedComponent<RequestListPage> cut) =>
        cut.FindAll("[data-testid=request-row] .vh-request-prompt").Select(e => e.TextContent.Trim()).ToList();

    [Fact]
    public async Task List_PagesTwentyAtATime_NewestFirst_ForwardAndBack()
    {
        for (var i = 1; i <= 23; i++) await RequestAsync(ana, $"shot {i:00}");
        var cut = test.Bunit.Render<RequestListPage>(p => p.Add(x => x.Id, projectId));

        cut.WaitForAssertion(() => Assert.Equal(20, Prompts(cut).Count), Wait);
        Assert.Equal("shot 23", Prompts(cut)[0]);
        Assert.True(cut.Find("#page-previous").HasAttribute("disabled"));
        cut.Find("#page-next").Click();
        cut.WaitForAssertion(() => Assert.Equal(["shot 03", "shot 02", "shot 01"], Prompts(cut)), Wait);
        Assert.True(cut.Find("#page-next").HasAttribute("disabled"));
        cut.Find("#page-previous").Click();
        cut.WaitForAssertion(() => Assert.Equal("shot 23", Prompts(cut)[0]), Wait);
    }

    [Fact]
    public async Task List_FiltersByModelAndByState_AndSaysWhenNothingMatches()
    {
        await RequestAsync(ana, "a pro shot", model: "sora-2-pro");
        await RequestAsync(ed, "a plain shot");
        await RequestAsync(ed, "a blocked shot", PreCheckVerdict.Blocked);
        var popovers = test.Bunit.Render<MudPopoverProvider>();
        var cut = test.Bunit.Render<RequestListPage>(p => p.Add(x => x.Id, projectId));
        cut.WaitForAssertion(() => Assert.Equal(3, Prompts(cut).Count), Wait);

        cut.Find("#filter-model").Input("sora-2-pro");
        cut.WaitForAssertion(() => Assert.Equal(["a pro shot"], Prompts(cut)), Wait);
        cut.Find("#filter-model").Input("no-such-model");
        cut.WaitForAssertion(() => Assert.Contains("No requests match these filters", cut.Find("#requests-empty").TextContent), Wait);
        cut.Find("#filter-model").Input("");
        cut.WaitForAssertion(() => Assert.Equal(3, Prompts(cut).Count), Wait);

        cut.Find("#filter-state").Closest("div.mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => Assert.Contains("Blocked", popovers.Markup), Wait);
        popovers.FindAll(".mud-list-item").First(e => e.TextContent.Trim() == "Blocked").Click();
        cut.WaitForAssertion(() => Assert.Equal(["a blocked shot"], Prompts(cut)), Wait);
    }

    [Fact]
    public async Task List_FiltersByAuthorAndDate_ThroughTheService()
    {
        await RequestAsync(ana, "ana's shot");
        Factory.Clock.Advance(TimeSpan.FromDays(3));
        await RequestAsync(ed, "ed's shot");
        await using var scope = Factory.Services.CreateAsyncScope();
        var renders = scope.ServiceProvider.GetRequiredService<RenderRequestService>();
        var now = Factory.Clock.GetUtcNow().UtcDateTime;

        var byEd = await renders.ListAsync(ana, projectId, new RenderListQuery(AuthorId: ed.UserId));
        var lastTwoDays = await renders.ListAsync(ana, projectId, new RenderListQuery(From: now.AddDays(-2)));
        var before = await renders.ListAsync(ana, projectId, new RenderListQuery(To: now.AddDays(-2)));

        Assert.Equal(["ed's shot"], byEd!.Items.Select(r => r.Prompt));
        Assert.Equal(["ed's shot"], lastTwoDays!.Items.Select(r => r.Prompt));
        Assert.Equal(["ana's shot"], before!.Items.Select(r => r.Prompt));
    }

    [Fact]
    public async Task Approvals_OwnerApprovesWithANote_TheRequestIsQueued_Audited_AndLeavesTheList()
    {
        var id = await RequestAsync(ed, "an expensive aerial shot", PreCheckVerdict.NeedsApproval);
        var other = await RequestAsync(ed, "another one", PreCheckVerdict.NeedsApproval);
        var cut = test.Bunit.Render<ApprovalsPage>(p => p.Add(x => x.Id, projectId));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=approval-row]").Count), Wait);
        var row = cut.FindAll("[data-testid=approval-row]").Single(r => r.TextContent.Contains("an expensive aerial shot"));

        row.QuerySelector("[data-testid=approval-note]")!.Input("Worth it for the opening.");
        cut.FindAll("[data-testid=approval-row]").Single(r => r.TextContent.Contains("an expensive aerial shot"))
            .QuerySelector("[data-testid=approve]")!.Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=approval-row]")), Wait);
        var saved = await DbAsync(db => db.RenderRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((RenderState.Queued, "Worth it for the opening."), (saved.State, saved.DecisionNote));
        var audit = Assert.Single(await AuditAsync(AuditActions.RenderApproved));
        Assert.Equal((ana.UserId, id.ToString()), (audit.ActorId, audit.EntityId));
        Assert.Contains("Worth it for the opening.", audit.Summary);
        Assert.Equal(RenderState.AwaitingApproval, (await DbAsync(db => db.RenderRequests.AsNoTracking().SingleAsync(r => r.Id == other))).State);
    }

    [Fact]
    public async Task Approvals_OwnerRejectsWithANote_TheRequestIsRejected_AndTheNoteIsShownOnItsPage()
    {
        var id = await RequestAsync(ed, "an expensive aerial shot", PreCheckVerdict.NeedsApproval);
        var cut = test.Bunit.Render<ApprovalsPage>(p => p.Add(x => x.Id, projectId));
        cut.WaitForElement("[data-testid=approval-row]", Wait);

        cut.Find("[data-testid=approval-note]").Input("Over budget this week.");
        cut.Find("[data-testid=reject]").Click();

        cut.WaitForElement("#approvals-empty", Wait);
        var saved = await DbAsync(db => db.RenderRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((RenderState.Rejected, "Over budget this week."), (saved.State, saved.DecisionNote));
        Assert.Single(await AuditAsync(AuditActions.RenderRejected));
        var page = test.Bunit.Render<RequestPage>(p => p.Add(x => x.Id, projectId).Add(x => x.RequestId, id));
        page.WaitForAssertion(() => Assert.Equal("Decision note: Over budget this week.", page.Find("#decision-note").TextContent), Wait);
    }

    [Fact]
    public async Task Approvals_ForANonOwner_AnswersNotFound_AndTheServiceRefusesToDecide()
    {
        var id = await RequestAsync(ed, "an expensive aerial shot", PreCheckVerdict.NeedsApproval);
        await using var edTest = new MudTestContext(Factory, ed.UserId, "ed");
        var notFound = 0;
        edTest.Bunit.Services.GetRequiredService<NavigationManager>().OnNotFound += (_, _) => notFound++;

        var cut = edTest.Bunit.Render<ApprovalsPage>(p => p.Add(x => x.Id, projectId));
        cut.WaitForAssertion(() => Assert.Equal(1, notFound), Wait);
        Assert.Empty(cut.FindAll("[data-testid=approval-row]"));
        var request = edTest.Bunit.Render<RequestPage>(p => p.Add(x => x.Id, projectId).Add(x => x.RequestId, id));
        request.WaitForElement("#awaiting-approval", Wait);
        Assert.Empty(request.FindAll("[data-testid=approve]"));

        await using var scope = Factory.Services.CreateAsyncScope();
        var renders = scope.ServiceProvider.GetRequiredService<RenderRequestService>();
        Assert.Equal(RenderOutcome.Forbidden, (await renders.ApproveAsync(ed, id, "self-approved")).Outcome);
        Assert.Equal(RenderOutcome.Forbidden, (await renders.RejectAsync(ed, id, null)).Outcome);
        Assert.Equal(RenderState.AwaitingApproval, (await DbAsync(db => db.RenderRequests.AsNoTracking().SingleAsync(r => r.Id == id))).State);
        Assert.Empty(await AuditAsync(AuditActions.RenderApproved));
    }
}
