using VideoHub.Domain.Audit;
using VideoHub.Domain.Projects;
using VideoHub.Features.Projects;

namespace VideoHub.Tests.Features.Projects;

public sealed class ProjectMembersTests : ProjectsTestBase
{
    [Fact]
    public async Task AddMember_ByEmailIgnoringCase_AddsWithRole_AndAudits()
    {
        var ana = await UserAsync("ana");
        var bo = await UserAsync("bo");
        var id = await ProjectAsync(ana, "Trailer");

        var result = await Projects.AddMemberAsync(ana, id, "  BO@Example.com ", ProjectRole.Editor);

        Assert.True(result.Succeeded, result.Message);
        var member = Assert.Single((await LoadAsync(id)).Members, m => m.UserId == bo.UserId);
        Assert.Equal(ProjectRole.Editor, member.Role);
        var audit = Assert.Single(await AuditAsync(AuditActions.MemberAdded));
        Assert.Equal((bo.UserId, id), (audit.EntityId, audit.ProjectId));
        Assert.Contains("Editor", audit.After);
    }

    [Fact]
    public async Task AddMember_WithUnknownEmail_SaysSoAndChangesNothing()
    {
        var ana = await UserAsync("ana");
        var id = await ProjectAsync(ana, "Trailer");

        var result = await Projects.AddMemberAsync(ana, id, "nobody@example.com", ProjectRole.Viewer);

        Assert.Equal("No user has the address nobody@example.com. An administrator can create the account first.", result.ErrorFor("Email"));
        Assert.Single((await LoadAsync(id)).Members);
        Assert.Empty(await AuditAsync(AuditActions.MemberAdded));
    }

    [Fact]
    public async Task AddMember_WhoIsAlreadyAMember_SaysSoAndKeepsTheRole()
    {
        var ana = await UserAsync("ana");
        var bo = await UserAsync("bo");
        var id = await ProjectAsync(ana, "Trailer", (bo, ProjectRole.Viewer));

        var result = await Projects.AddMemberAsync(ana, id, "bo@example.com", ProjectRole.Owner);

        Assert.Equal("bo is already a member of this project (Viewer).", result.ErrorFor("Email"));
        Assert.Equal(ProjectRole.Viewer, (await LoadAsync(id)).Members.Single(m => m.UserId == bo.UserId).Role);
    }

    [Fact]
    public async Task ChangeRole_And_Remove_ByOwner_Work_AndAuditBeforeAndAfter()
    {
        var ana = await UserAsync("ana");
        var bo = await UserAsync("bo");
        var id = await ProjectAsync(ana, "Trailer", (bo, ProjectRole.Viewer));

        Assert.True((await Projects.ChangeRoleAsync(ana, id, bo.UserId, ProjectRole.Reviewer)).Succeeded);
        Assert.Equal(ProjectRole.Reviewer, (await LoadAsync(id)).Members.Single(m => m.UserId == bo.UserId).Role);
        var change = Assert.Single(await AuditAsync(AuditActions.MemberRoleChanged));
        Assert.Equal(("{\"role\":\"Viewer\"}", "{\"role\":\"Reviewer\"}"), (change.Before, change.After));

        Assert.True((await Projects.RemoveMemberAsync(ana, id, bo.UserId)).Succeeded);
        Assert.DoesNotContain((await LoadAsync(id)).Members, m => m.UserId == bo.UserId);
        Assert.Single(await AuditAsync(AuditActions.MemberRemoved));
        Assert.False((await Access.GetAsync(bo, id)).CanView);
    }

    [Fact]
    public async Task LastOwner_CannotBeDemotedOrRemoved_ButCanOnceAnotherOwnerExists()
    {
        var ana = await UserAsync("ana");
        var bo = await UserAsync("bo");
        var id = await ProjectAsync(ana, "Trailer", (bo, ProjectRole.Editor));

        var demote = await Projects.ChangeRoleAsync(ana, id, ana.UserId, ProjectRole.Editor);
        var remove = await Projects.RemoveMemberAsync(ana, id, ana.UserId);

        Assert.Equal(ProjectService.LastOwnerRefused, demote.ErrorFor("Role"));
        Assert.Equal(ProjectService.LastOwnerRefused, remove.ErrorFor(Result.GeneralKey));
        Assert.Equal(ProjectRole.Owner, (await LoadAsync(id)).Members.Single(m => m.UserId == ana.UserId).Role);

        Assert.True((await Projects.ChangeRoleAsync(ana, id, bo.UserId, ProjectRole.Owner)).Succeeded);
        Assert.True((await Projects.ChangeRoleAsync(ana, id, ana.UserId, ProjectRole.Viewer)).Succeeded);
        var lastNow = await Projects.RemoveMemberAsync(bo, id, bo.UserId);
        Assert.Equal(ProjectService.LastOwnerRefused, lastNow.ErrorFor(Result.GeneralKey));
    }

    [Fact]
    public async Task ChangeRole_OfSomeoneWhoIsNotAMember_IsRefused()
    {
        var ana = await UserAsync("ana");
        var bo = await UserAsync("bo");
        var id = await ProjectAsync(ana, "Trailer");

        var result = await Projects.ChangeRoleAsync(ana, id, bo.UserId, ProjectRole.Editor);

        Assert.Equal("That person is not a member of this project.", result.ErrorFor(Result.GeneralKey));
        Assert.Single((await LoadAsync(id)).Members);
    }
}
