using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Policy;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Batches;
using VideoHub.Features.Projects;

namespace VideoHub.Tests.Features.Batches;

/// <summary>The preview checks every row with the real pre-check; creating applies it again, with budget and approval on the total.</summary>
public sealed class BatchCreateTests : BatchTestBase
{
    private readonly IReadOnlyList<BatchRowInput> mixed =
    [
        Row(2, "good-1", "A lighthouse at dawn"),
        Row(3, "unknown-model", "A fox in snow", model: "sora-9"),
        Row(4, "wrong-size", "A hen in a yard", size: "640x480"),
        Row(5, "blocked", "Mickey Mouse waves at a parade"),
        Row(6, "good-2", "A harbour at night", seconds: 8),
    ];

    [Fact]
    public async Task Preview_ReportsEachFailingRow_ByLineAndField_AndTotalsOnlyTheRowsThatRun()
    {
        var preview = await BatchesAsync(s => s.PreviewAsync(Owner, ProjectId, new BatchDraft("B", BatchMode.Direct, BatchSource.File, mixed)));

        Assert.NotNull(preview);
        var blocks = preview.AllIssues.Where(i => i.IsBlock).Select(i => (i.LineNumber, i.Field)).ToList();
        Assert.Contains((3, "model"), blocks);
        Assert.Contains((4, "size"), blocks);
        Assert.Contains((5, "prompt"), blocks);
        Assert.Equal((3, 2), (preview.FailingCount, preview.RunnableCount));
        Assert.Equal(0.4m + 0.8m, preview.TotalEstimate);
        Assert.Equal(0, await App.DbAsync(db => db.RenderRequests.CountAsync()));
    }

    [Fact]
    public async Task Create_WithFailingRows_IsRefusedUnlessThemAreDropped_AndThenCreatesOnlyTheGoodRows()
    {
        var refused = await CreateAsync(mixed);
        Assert.Equal(BatchOutcome.Invalid, refused.Outcome);
        Assert.Contains("3 row(s) fail", refused.Message);
        Assert.Equal((0, 0), (await App.DbAsync(db => db.Batches.CountAsync()), await App.DbAsync(db => db.RenderRequests.CountAsync())));

        var created = await CreateAsync(mixed, drop: true);

        Assert.True(created.Succeeded, created.Message);
        var rows = await BatchRequestsAsync(created.Value);
        Assert.Equal(["good-1", "good-2"], rows.OrderBy(r => r.CreatedAt).Select(r => r.BatchCustomId));
        Assert.All(rows, r => Assert.Equal(RenderState.Queued, r.State));
        var batch = await BatchAsync(created.Value);
        Assert.Equal((BatchStatus.Running, 1.2m), (batch.Status, batch.EstimatedCostUsd));
        Assert.Equal(2, await App.DbAsync(db => db.BatchRows.CountAsync(r => r.BatchId == created.Value)));
    }

    [Fact]
    public async Task Create_WhenTheTotalExceedsTheRemainingBudget_CreatesNothing()
    {
        await SettingsAsync(monthly: 1m, threshold: null);

        var result = await CreateAsync(Rows("budget", 3)); // 3 × $0.40

        Assert.Equal(BatchOutcome.Invalid, result.Outcome);
        Assert.Contains("This batch is estimated at $1.20", result.Message);
        Assert.Equal(0, await App.DbAsync(db => db.RenderRequests.CountAsync()));
    }

    [Fact]
    public async Task Create_AboveTheApprovalThreshold_WaitsForAnOwner_ThenApprovalQueuesEveryRow()
    {
        await SettingsAsync(monthly: 100m, threshold: 1m);
        var editor = await UserAsync("eddie");
        var project = await WithServiceAsync<ProjectService, Result>(p => p.AddMemberAsync(Owner, ProjectId, "eddie@example.com", ProjectRole.Editor));
        Assert.True(project.Succeeded);

        var created = await CreateAsync(Rows("approval", 3), by: editor);
        Assert.True(created.Succeeded, created.Message);
        Assert.Equal(BatchStatus.AwaitingApproval, (await BatchAsync(created.Value)).Status);
        Assert.All(await BatchRequestsAsync(created.Value), r => Assert.Equal(RenderState.AwaitingApproval, r.State));

        var byEditor = await BatchesAsync(s => s.ApproveAsync(editor, created.Value, null));
        var byOwner = await BatchesAsync(s => s.ApproveAsync(Owner, created.Value, "Fine for the pitch."));

        Assert.Equal(BatchOutcome.Forbidden, byEditor.Outcome);
        Assert.True(byOwner.Succeeded, byOwner.Message);
        Assert.Equal(BatchStatus.Running, (await BatchAsync(created.Value)).Status);
        Assert.All(await BatchRequestsAsync(created.Value), r => Assert.Equal(RenderState.Queued, r.State));
    }

    [Fact]
    public async Task ProviderMode_EstimatesAtTheBatchPrice()
    {
        var preview = await BatchesAsync(s => s.PreviewAsync(Owner, ProjectId, new BatchDraft("B", BatchMode.Provider, BatchSource.File, Rows("price", 2))));

        Assert.Equal(2 * 4 * 0.05m, preview!.TotalEstimate);
        Assert.Empty(preview.AllIssues);
    }

    [Fact]
    public async Task NonMember_GetsNotFound_AndAViewerIsForbidden()
    {
        var stranger = await UserAsync("stranger");
        var viewer = await UserAsync("vera");
        Assert.True((await WithServiceAsync<ProjectService, Result>(p => p.AddMemberAsync(Owner, ProjectId, "vera@example.com", ProjectRole.Viewer))).Succeeded);

        Assert.Equal(BatchOutcome.NotFound, (await CreateAsync(Rows("x", 1), by: stranger)).Outcome);
        Assert.Equal(BatchOutcome.Forbidden, (await CreateAsync(Rows("x", 1), by: viewer)).Outcome);
        Assert.Null(await BatchesAsync(s => s.ListAsync(stranger, ProjectId)));
    }

    private async Task SettingsAsync(decimal monthly, decimal? threshold)
    {
        var result = await WithServiceAsync<ProjectService, Result>(p => p.UpdateSettingsAsync(Owner, ProjectId, new ProjectSettings
        {
            DefaultModel = "sora-2", DefaultSize = "1280x720", DefaultSeconds = 4, MonthlyBudgetUsd = monthly, ApprovalThresholdUsd = threshold,
        }));
        Assert.True(result.Succeeded);
    }
}
