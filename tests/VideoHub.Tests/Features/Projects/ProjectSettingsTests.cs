using System.Text.Json;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Projects;
using VideoHub.Features.Projects;

namespace VideoHub.Tests.Features.Projects;

public sealed class ProjectSettingsTests : ProjectsTestBase
{
    private static ProjectSettings Valid() => new()
    {
        DefaultModel = "sora-2-pro", DefaultSize = "720x1280", DefaultSeconds = 12,
        MonthlyBudgetUsd = 250.50m, ApprovalThresholdUsd = 5m, ApprovalsRequired = 2,
    };

    [Fact]
    public async Task UpdateSettings_ByOwner_SavesAndAuditsBeforeAndAfter()
    {
        var ana = await UserAsync("ana");
        var id = await ProjectAsync(ana, "Trailer");

        var result = await Projects.UpdateSettingsAsync(ana, id, Valid());

        Assert.True(result.Succeeded, result.Message);
        var saved = (await LoadAsync(id)).Settings;
        Assert.Equal(Fields(Valid()), Fields(saved));
        var audit = Assert.Single(await AuditAsync(AuditActions.ProjectSettingsChanged));
        Assert.Equal(id, audit.ProjectId);
        using var before = JsonDocument.Parse(audit.Before!);
        using var after = JsonDocument.Parse(audit.After!);
        Assert.Equal(100m, before.RootElement.GetProperty("monthlyBudgetUsd").GetDecimal());
        Assert.Equal(250.50m, after.RootElement.GetProperty("monthlyBudgetUsd").GetDecimal());
        Assert.Equal("720x1280", after.RootElement.GetProperty("defaultSize").GetString());
        Assert.Equal(JsonValueKind.Null, before.RootElement.GetProperty("approvalThresholdUsd").ValueKind);
        Assert.Equal(5m, after.RootElement.GetProperty("approvalThresholdUsd").GetDecimal());
    }

    public static TheoryData<string, Action<ProjectSettings>> InvalidSettings => new()
    {
        { nameof(ProjectSettings.MonthlyBudgetUsd), s => s.MonthlyBudgetUsd = -1m },
        { nameof(ProjectSettings.MonthlyBudgetUsd), s => s.MonthlyBudgetUsd = 10.005m },
        { nameof(ProjectSettings.MonthlyBudgetUsd), s => s.MonthlyBudgetUsd = 2_000_000m },
        { nameof(ProjectSettings.ApprovalThresholdUsd), s => s.ApprovalThresholdUsd = -0.01m },
        { nameof(ProjectSettings.DefaultSeconds), s => s.DefaultSeconds = 5 },
        { nameof(ProjectSettings.DefaultSeconds), s => s.DefaultSeconds = 0 },
        { nameof(ProjectSettings.DefaultSize), s => s.DefaultSize = "big" },
        { nameof(ProjectSettings.DefaultSize), s => s.DefaultSize = "1000x1000" },
        { nameof(ProjectSettings.DefaultModel), s => s.DefaultModel = "  " },
        { nameof(ProjectSettings.ApprovalsRequired), s => s.ApprovalsRequired = 0 },
        { nameof(ProjectSettings.ApprovalsRequired), s => s.ApprovalsRequired = 11 },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task UpdateSettings_WithAnInvalidField_IsRefusedForThatFieldAndChangesNothing(string field, Action<ProjectSettings> spoil)
    {
        var ana = await UserAsync("ana");
        var id = await ProjectAsync(ana, "Trailer");
        var input = Valid();
        spoil(input);

        var result = await Projects.UpdateSettingsAsync(ana, id, input);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal([field], result.Errors.Keys);
        Assert.Equal(Fields(new ProjectSettings()), Fields((await LoadAsync(id)).Settings));
        Assert.Empty(await AuditAsync(AuditActions.ProjectSettingsChanged));
    }

    [Fact]
    public async Task UpdateSettings_WithSeveralInvalidFields_ReportsEachField()
    {
        var ana = await UserAsync("ana");
        var id = await ProjectAsync(ana, "Trailer");

        var result = await Projects.UpdateSettingsAsync(ana, id,
            new ProjectSettings { DefaultSeconds = 7, MonthlyBudgetUsd = -5, ApprovalsRequired = 20 });

        Assert.Equal(
            [nameof(ProjectSettings.ApprovalsRequired), nameof(ProjectSettings.DefaultSeconds), nameof(ProjectSettings.MonthlyBudgetUsd)],
            result.Errors.Keys.Order());
    }

    [Fact]
    public async Task ArchiveAndRestore_ByOwner_SetAndClearArchivedAt_AndAudit_AndArchivedProjectRefusesChanges()
    {
        var ana = await UserAsync("ana");
        var id = await ProjectAsync(ana, "Trailer");

        Assert.True((await Projects.ArchiveAsync(ana, id)).Succeeded);
        Assert.Equal(Factory.Clock.GetUtcNow().UtcDateTime, (await LoadAsync(id)).ArchivedAt);
        Assert.Empty(await Projects.ListAsync(ana, new ProjectListFilter()));
        Assert.Single(await Projects.ListAsync(ana, new ProjectListFilter(IncludeArchived: true)));

        var edit = await Projects.UpdateSettingsAsync(ana, id, Valid());
        Assert.Contains("archived", edit.ErrorFor(VideoHub.Features.Projects.Result.GeneralKey));

        Assert.True((await Projects.RestoreAsync(ana, id)).Succeeded);
        Assert.Null((await LoadAsync(id)).ArchivedAt);
        Assert.Single(await AuditAsync(AuditActions.ProjectArchived));
        Assert.Single(await AuditAsync(AuditActions.ProjectRestored));
    }
}
