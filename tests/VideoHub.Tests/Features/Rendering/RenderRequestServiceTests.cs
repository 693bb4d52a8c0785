using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;
using VideoHub.Features.Rendering;
using VideoHub.Tests.Features.Rendering.Infrastructure;

namespace VideoHub.Tests.Features.Rendering;

public sealed class RenderRequestServiceTests : RenderingTestBase
{
    private Actor editor = null!, reviewer = null!, stranger = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        editor = await UserAsync("editor");
        reviewer = await UserAsync("reviewer");
        stranger = await UserAsync("stranger");
        await using var scope = App.Services.CreateAsyncScope();
        var projects = scope.ServiceProvider.GetRequiredService<ProjectService>();
        Assert.True((await projects.AddMemberAsync(Owner, ProjectId, "editor@example.com", ProjectRole.Editor)).Succeeded);
        Assert.True((await projects.AddMemberAsync(Owner, ProjectId, "reviewer@example.com", ProjectRole.Reviewer)).Succeeded);
    }

    private Task<T> Service<T>(Func<RenderRequestService, Task<T>> use) => WithServiceAsync(use);

    [Fact]
    public async Task Create_ByAnEditor_IsQueuedWithTheEstimate_AndAudited()
    {
        var result = await RequestAsync("a red kite", editor, seconds: 8);

        Assert.True(result.Succeeded, result.Message);
        var view = result.Value!;
        Assert.Equal((RenderState.Queued, 0.8m, "editor"), (view.State, view.EstimatedCostUsd, view.AuthorName));
        Assert.Equal(RenderState.Queued, Assert.Single(view.History).To);
        Assert.Single(await App.DbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.RenderRequested && e.EntityId == view.Id.ToString()).ToListAsync()));
    }

    [Fact]
    public async Task Create_ByAReviewerOrAStranger_IsRefused_AndChangesNothing()
    {
        Assert.Equal(RenderOutcome.Forbidden, (await RequestAsync("not mine", reviewer)).Outcome);
        Assert.Equal(RenderOutcome.NotFound, (await RequestAsync("not mine", stranger)).Outcome);
        Assert.Equal(0, await App.DbAsync(db => db.RenderRequests.CountAsync()));
    }

    [Fact]
    public async Task Create_InAnArchivedProject_IsRefused()
    {
        await using (var scope = App.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ProjectService>().ArchiveAsync(Owner, ProjectId)).Succeeded);

        var result = await RequestAsync("too late");

        Assert.Equal(RenderOutcome.Forbidden, result.Outcome);
        Assert.Contains("archived", result.Message);
    }

    [Fact]
    public async Task Create_WithAnUnofferedSizeOrLength_IsInvalid()
    {
        var odd = await Service(s => s.CreateAsync(Owner, new NewRenderRequest(ProjectId, RenderOperation.Create, "x", "local",
            "sora-2", "999x999", 4, PreCheckVerdict.Allowed, "{}")));
        var tooLong = await RequestAsync("x", seconds: 7);

        Assert.Equal((RenderOutcome.Invalid, RenderOutcome.Invalid), (odd.Outcome, tooLong.Outcome));
    }

    [Fact]
    public async Task Create_WithWarnings_NeedsAnAcknowledgement_WhichIsRecordedAndAudited()
    {
        NewRenderRequest Input(string? reason) => new(ProjectId, RenderOperation.Create, "a warned prompt", "local", "sora-2",
            "1280x720", 4, PreCheckVerdict.Allowed, """{"warnings":["brand name"]}""", HasWarnings: true, AcknowledgementReason: reason);

        var missing = await Service(s => s.CreateAsync(editor, Input("  ")));
        var given = await Service(s => s.CreateAsync(editor, Input("The client owns the brand.")));

        Assert.Equal(RenderOutcome.Invalid, missing.Outcome);
        Assert.True(given.Succeeded, given.Message);
        var row = await App.DbAsync(db => db.RenderRequests.SingleAsync());
        Assert.Equal(("The client owns the brand.", "editor"), (row.AcknowledgementReason, row.AcknowledgedBy));
        Assert.Contains("brand name", row.PreCheckJson);
        Assert.Single(await App.DbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.RenderWarningAcknowledged).ToListAsync()));
    }

    [Fact]
    public async Task BlockedRequest_IsRecordedAsBlocked_AndNeverSubmitted()
    {
        var result = await RequestAsync("blocked by the pre-check", verdict: PreCheckVerdict.Blocked);
        await SweepOnceAsync();

        var row = Assert.Single(await RowsAsync([result.Value!.Id]));
        Assert.Equal((RenderState.Blocked, RenderFailureReason.BlockedByPolicy, null), (row.State, row.FailureReason, row.ClientToken));
        Assert.Empty(await ProviderJobsAsync("blocked by the pre-check"));
    }

    [Fact]
    public async Task NeedsApproval_WaitsUnsubmitted_UntilAnOwnerApproves_EditorsCannot()
    {
        var id = (await RequestAsync("expensive", editor, verdict: PreCheckVerdict.NeedsApproval)).Value!.Id;
        await SweepOnceAsync();
        Assert.Equal(RenderState.AwaitingApproval, Assert.Single(await RowsAsync([id])).State);

        Assert.Equal(RenderOutcome.Forbidden, (await Service(s => s.ApproveAsync(editor, id, null))).Outcome);
        Assert.Equal(RenderOutcome.NotFound, (await Service(s => s.ApproveAsync(stranger, id, null))).Outcome);
        var approved = await Service(s => s.ApproveAsync(Owner, id, "Worth it."));

        Assert.True(approved.Succeeded, approved.Message);
        Assert.Equal((RenderState.Queued, "Worth it."), (approved.Value!.State, approved.Value.DecisionNote));
        Assert.Equal(RenderOutcome.Conflict, (await Service(s => s.RejectAsync(Owner, id, null))).Outcome);
        Assert.Single(await App.DbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.RenderApproved).ToListAsync()));
    }

    [Fact]
    public async Task Reject_ByAnOwner_EndsTheRequest_AndIsAudited()
    {
        var id = (await RequestAsync("expensive", editor, verdict: PreCheckVerdict.NeedsApproval)).Value!.Id;

        var rejected = await Service(s => s.RejectAsync(Owner, id, "Over budget."));

        Assert.Equal(RenderState.Rejected, rejected.Value!.State);
        Assert.Single(await App.DbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.RenderRejected).ToListAsync()));
    }

    [Fact]
    public async Task Cancel_ByTheAuthorOrAnOwner_NotByAnotherEditor_AndNeverAfterTheEnd()
    {
        var other = await UserAsync("other-editor");
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ProjectService>().AddMemberAsync(Owner, ProjectId, "other-editor@example.com", ProjectRole.Editor);
        var mine = (await RequestAsync("mine", editor)).Value!.Id;
        var second = (await RequestAsync("second", editor)).Value!.Id;

        Assert.Equal(RenderOutcome.Forbidden, (await Service(s => s.CancelAsync(other, mine))).Outcome);
        Assert.True((await Service(s => s.CancelAsync(editor, mine))).Succeeded);
        Assert.True((await Service(s => s.CancelAsync(Owner, second))).Succeeded);
        Assert.Equal(RenderOutcome.Conflict, (await Service(s => s.CancelAsync(editor, mine))).Outcome);

        await SweepOnceAsync();
        var rows = await RowsAsync([mine, second]);
        Assert.All(rows, r => Assert.Equal((RenderState.Cancelled, RenderFailureReason.Cancelled), (r.State, r.FailureReason)));
        Assert.Equal(2, await App.DbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.RenderCancelled)));
    }

    [Fact]
    public async Task Get_ShowsTheHistory_ToMembers_AndNothingToStrangers()
    {
        var id = (await RequestAsync("history", editor)).Value!.Id;
        await Service(s => s.CancelAsync(editor, id));

        var seen = await Service(s => s.GetAsync(reviewer, id));
        var hidden = await Service(s => s.GetAsync(stranger, id));

        Assert.Equal([RenderState.Queued, RenderState.Cancelled], seen!.History.Select(h => h.To));
        Assert.Null(hidden);
    }

    [Fact]
    public async Task List_FiltersAndPagesNewestFirst_WithoutGapsOrRepeats()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++) ids.Add((await RequestAsync($"list {i}", i % 2 == 0 ? editor : Owner)).Value!.Id);
        await Service(s => s.CancelAsync(Owner, ids[0]));

        var pages = new List<RenderRequestView>();
        string? cursor = null;
        do
        {
            var page = await Service(s => s.ListAsync(reviewer, ProjectId, new RenderListQuery(After: cursor, PageSize: 3)));
            pages.AddRange(page!.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);
        var byEditor = await Service(s => s.ListAsync(Owner, ProjectId, new RenderListQuery(AuthorId: editor.UserId)));
        var cancelled = await Service(s => s.ListAsync(Owner, ProjectId, new RenderListQuery(State: RenderState.Cancelled)));

        Assert.Equal(Enumerable.Reverse(ids), pages.Select(p => p.Id));
        Assert.Equal(4, byEditor!.Items.Count);
        Assert.Equal(ids[0], Assert.Single(cancelled!.Items).Id);
        Assert.Null(await Service(s => s.ListAsync(stranger, ProjectId, new RenderListQuery())));
    }

    [Fact]
    public async Task MonthToDateSpend_CountsInFlightEstimates_AndNotCancelledOrAwaitingOnes()
    {
        await RequestAsync("in flight", seconds: 8);
        await RequestAsync("awaiting", verdict: PreCheckVerdict.NeedsApproval);
        var cancelled = (await RequestAsync("cancelled")).Value!.Id;
        await Service(s => s.CancelAsync(Owner, cancelled));

        Assert.Equal(0.8m, await Service(s => s.MonthToDateSpendAsync(Owner, ProjectId)));
        Assert.Null(await Service(s => s.MonthToDateSpendAsync(stranger, ProjectId)));
    }
}
