using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using VideoHub.Account;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;
using VideoHub.Features.Projects.Pages;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Projects;

/// <summary>The project pages rendered by bunit over the real services and the real SQLite file.</summary>
public sealed class ProjectPagesBunitTests : ProjectsTestBase
{
    private MudTestContext test = null!;
    private Actor ana = null!;

    private BunitContext ctx => test.Bunit;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        ana = await UserAsync("ana");
        test = new MudTestContext(Factory, ana.UserId, "ana");
    }

    public override async Task DisposeAsync()
    {
        await test.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public void ListPage_WithoutProjects_ShowsTheFriendlyEmptyState()
    {
        var cut = ctx.Render<ProjectListPage>();

        cut.WaitForAssertion(() => Assert.Contains("No projects yet — create the first one", cut.Find("#projects-empty").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=project-card]"));
    }

    [Fact]
    public async Task ListPage_ShowsMyProjectsWithRoleAndMemberCount_AndSearchFilters()
    {
        var bo = await UserAsync("bo");
        await ProjectAsync(ana, "Summer Trailer", (bo, ProjectRole.Editor));
        await ProjectAsync(bo, "Winter Teaser", (ana, ProjectRole.Viewer));
        await ProjectAsync(bo, "Not mine");

        var cut = ctx.Render<ProjectListPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=project-card]").Count));
        var cards = cut.FindAll("[data-testid=project-card]").Select(c => c.TextContent).ToList();
        Assert.Contains("Summer Trailer", cards[0]);
        Assert.Contains("Owner", cards[0]);
        Assert.Contains("2 members", cards[0]);
        Assert.Contains("Viewer", cards[1]);

        cut.Find("#project-search").Input("teaser");
        cut.WaitForAssertion(() => Assert.Contains("Winter Teaser", cut.Find("[data-testid=project-card]").TextContent));
        Assert.Single(cut.FindAll("[data-testid=project-card]"));
    }

    [Fact]
    public async Task SettingsPage_WithInvalidValues_ShowsAMessageUnderEachFieldAndSavesNothing()
    {
        var id = await ProjectAsync(ana, "Trailer");
        var cut = ctx.Render<ProjectSettingsPage>(p => p.Add(x => x.Id, id));
        cut.WaitForElement("#settings-form");

        cut.Find("#monthly-budget").Input("-5");
        cut.Find("#approvals-required").Input("0");
        cut.Find("#default-model").Input(" ");
        await cut.Find("#settings-form").SubmitAsync();

        cut.WaitForAssertion(() =>
        {
            var errors = cut.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent).ToList();
            Assert.Contains(errors, e => e.Contains("monthly budget must be between 0"));
            Assert.Contains(errors, e => e.Contains("between 1 and 10 approvals"));
            Assert.Contains(errors, e => e.Contains("Choose a default model"));
        });
        Assert.Equal(Fields(new ProjectSettings()), Fields((await LoadAsync(id)).Settings));
        Assert.Empty(await AuditAsync(AuditActions.ProjectSettingsChanged));
    }

    [Fact]
    public async Task SettingsPage_WithValidValues_SavesThemAndAudits()
    {
        var id = await ProjectAsync(ana, "Trailer");
        var cut = ctx.Render<ProjectSettingsPage>(p => p.Add(x => x.Id, id));
        cut.WaitForElement("#settings-form");

        cut.Find("#monthly-budget").Input("250.5");
        cut.Find("#approval-threshold").Input("12");
        await cut.Find("#settings-form").SubmitAsync();

        Assert.Single(await AuditAsync(AuditActions.ProjectSettingsChanged));
        var saved = (await LoadAsync(id)).Settings;
        Assert.Equal((250.5m, (decimal?)12m), (saved.MonthlyBudgetUsd, saved.ApprovalThresholdUsd));
        Assert.Empty(cut.FindAll(".mud-input-helper-text.mud-input-error"));
    }

    [Fact]
    public async Task SettingsPage_ForAViewer_AnswersNotFound()
    {
        var bo = await UserAsync("bo");
        var id = await ProjectAsync(bo, "Trailer", (ana, ProjectRole.Viewer));

        var notFound = 0;
        ctx.Services.GetRequiredService<NavigationManager>().OnNotFound += (_, _) => notFound++;

        var cut = ctx.Render<ProjectSettingsPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => Assert.Equal(1, notFound));
        Assert.Empty(cut.FindAll("#settings-form"));
        Assert.DoesNotContain("Trailer", cut.Markup);
    }
}
