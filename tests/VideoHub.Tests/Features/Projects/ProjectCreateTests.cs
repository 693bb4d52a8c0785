using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Tests.Features.Projects;

public sealed class ProjectCreateTests : ProjectsTestBase
{
    [Fact]
    public async Task Create_MakesCreatorOwner_TrimsName_UsesDefaultSettings_AndAudits()
    {
        var ana = await UserAsync("ana");

        var result = await Projects.CreateAsync(ana, new ProjectInput { Name = "  Summer Trailer ", Brief = " Bright, fast. " });

        Assert.True(result.Succeeded, result.Message);
        var project = await LoadAsync(result.Value);
        Assert.Equal("Summer Trailer", project.Name);
        Assert.Equal("Bright, fast.", project.Brief);
        Assert.Equal(Project.KeyFor("Summer Trailer"), project.NameKey);
        Assert.Equal(Factory.Clock.GetUtcNow().UtcDateTime, project.CreatedAt);
        var member = Assert.Single(project.Members);
        Assert.Equal((ana.UserId, ProjectRole.Owner), (member.UserId, member.Role));
        Assert.Equal(Fields(new ProjectSettings()), Fields(project.Settings));
        var audit = Assert.Single(await AuditAsync(AuditActions.ProjectCreated));
        Assert.Equal((ana.UserId, "ana", project.Id), (audit.ActorId, audit.ActorName, audit.ProjectId));
    }

    [Theory]
    [InlineData("summer trailer")]
    [InlineData("  SUMMER   TRAILER ")]
    [InlineData("Summer\u00A0Trailer")]
    public async Task Create_WithNameDifferingOnlyInCaseOrSpacing_IsRefusedAndCreatesNothing(string duplicate)
    {
        var ana = await UserAsync("ana");
        var bo = await UserAsync("bo");
        await ProjectAsync(ana, "Summer Trailer");
        var auditBefore = await AuditCountAsync();

        var result = await Projects.CreateAsync(bo, new ProjectInput { Name = duplicate });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains("already a project", result.ErrorFor(nameof(ProjectInput.Name)));
        Assert.Equal(1, await DbAsync(db => db.Projects.CountAsync()));
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task Create_ConcurrentlyWithTheSameName_CreatesExactlyOneAndRefusesTheRestWithAFieldError()
    {
        var users = new List<Actor>();
        for (var i = 0; i < 6; i++) users.Add(await UserAsync($"user{i}"));

        // Each create runs in its own scope, as separate circuits would; some pass the name check before another commits.
        var results = await Task.WhenAll(users.Select(async u =>
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<ProjectService>();
            return await service.CreateAsync(u, new ProjectInput { Name = "Race" });
        }));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.NotNull(r.ErrorFor(nameof(ProjectInput.Name))));
        Assert.Equal(1, await DbAsync(db => db.Projects.CountAsync()));
        Assert.Single(await AuditAsync(AuditActions.ProjectCreated));
    }

    [Theory]
    [InlineData("", "Give the project a name.")]
    [InlineData("   ", "Give the project a name.")]
    [InlineData("tab\tname", "control characters")]
    public async Task Create_WithMissingOrBadName_IsRefusedWithFieldError(string name, string message)
    {
        var ana = await UserAsync("ana");

        var result = await Projects.CreateAsync(ana, new ProjectInput { Name = name });

        Assert.Contains(message, result.ErrorFor(nameof(ProjectInput.Name)));
        Assert.Equal(0, await DbAsync(db => db.Projects.CountAsync()));
    }

    [Fact]
    public async Task Create_WithOverLongNameOrBrief_IsRefusedPerFieldAndCreatesNothing()
    {
        var ana = await UserAsync("ana");

        var result = await Projects.CreateAsync(ana, new ProjectInput { Name = new string('n', 81), Brief = new string('b', 4001) });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal("A project name can have at most 80 characters.", result.ErrorFor(nameof(ProjectInput.Name)));
        Assert.Equal("The brief can have at most 4000 characters.", result.ErrorFor(nameof(ProjectInput.Brief)));
        Assert.Equal(0, await DbAsync(db => db.Projects.CountAsync()));
        Assert.Equal(0, await AuditCountAsync());
    }

    [Fact]
    public async Task Create_WithNameOfExactly80Characters_Succeeds()
    {
        var ana = await UserAsync("ana");
        var result = await Projects.CreateAsync(ana, new ProjectInput { Name = new string('n', 80) });
        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task Update_RenamesAndAuditsBeforeAndAfter_ButRefusesATakenName()
    {
        var ana = await UserAsync("ana");
        var id = await ProjectAsync(ana, "Trailer");
        await ProjectAsync(ana, "Teaser");

        var taken = await Projects.UpdateAsync(ana, id, new ProjectInput { Name = "TEASER", Brief = "x" });
        var renamed = await Projects.UpdateAsync(ana, id, new ProjectInput { Name = "Trailer v2", Brief = "New brief" });

        Assert.NotNull(taken.ErrorFor(nameof(ProjectInput.Name)));
        Assert.True(renamed.Succeeded, renamed.Message);
        var project = await LoadAsync(id);
        Assert.Equal(("Trailer v2", "New brief"), (project.Name, project.Brief));
        var audit = Assert.Single(await AuditAsync(AuditActions.ProjectUpdated));
        Assert.Contains("\"name\":\"Trailer\"", audit.Before);
        Assert.Contains("\"name\":\"Trailer v2\"", audit.After);
    }

    [Fact]
    public async Task Update_KeepingTheSameNameInOtherCase_IsAllowed()
    {
        var ana = await UserAsync("ana");
        var id = await ProjectAsync(ana, "trailer");

        var result = await Projects.UpdateAsync(ana, id, new ProjectInput { Name = "Trailer" });

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("Trailer", (await LoadAsync(id)).Name);
    }
}
