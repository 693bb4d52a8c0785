using VideoHub.Domain.Projects;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Tests.Features.Projects;

/// <summary>Owner-only actions through the service, whatever the page shows.</summary>
public sealed class ProjectAuthorizationTests : ProjectsTestBase
{
    private Actor owner = null!, editor = null!, reviewer = null!, viewer = null!, outsider = null!, admin = null!;
    private Guid projectId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (owner, editor, reviewer, viewer, outsider) =
            (await UserAsync("owner"), await UserAsync("editor"), await UserAsync("reviewer"), await UserAsync("viewer"), await UserAsync("outsider"));
        admin = await UserAsync("admin", admin: true);
        projectId = await ProjectAsync(owner, "Trailer",
            (editor, ProjectRole.Editor), (reviewer, ProjectRole.Reviewer), (viewer, ProjectRole.Viewer));
    }

    private IEnumerable<(string Name, Func<Actor, Task<Result>> Act)> OwnerActions() =>
    [
        ("edit", a => Projects.UpdateAsync(a, projectId, new ProjectInput { Name = "Renamed" })),
        ("settings", a => Projects.UpdateSettingsAsync(a, projectId, new ProjectSettings { MonthlyBudgetUsd = 1 })),
        ("add member", a => Projects.AddMemberAsync(a, projectId, "outsider@example.com", ProjectRole.Owner)),
        ("change role", a => Projects.ChangeRoleAsync(a, projectId, viewer.UserId, ProjectRole.Owner)),
        ("remove member", a => Projects.RemoveMemberAsync(a, projectId, owner.UserId)),
        ("archive", a => Projects.ArchiveAsync(a, projectId)),
    ];

    [Fact]
    public async Task OwnerActions_ByEditorReviewerOrViewer_AreForbidden_AndChangeNothing()
    {
        var auditBefore = await AuditCountAsync();
        foreach (var member in new[] { editor, reviewer, viewer })
        foreach (var (name, act) in OwnerActions())
        {
            var result = await act(member);
            Assert.True(result.Status == ResultStatus.Forbidden, $"{member.UserName} could {name}");
        }
        var project = await LoadAsync(projectId);
        Assert.Equal(("Trailer", 100m, 4, false), (project.Name, project.Settings.MonthlyBudgetUsd, project.Members.Count, project.IsArchived));
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task OwnerActions_ByNonMember_AnswerNotFound_AndChangeNothing()
    {
        foreach (var (name, act) in OwnerActions())
            Assert.True((await act(outsider)).Status == ResultStatus.NotFound, $"outsider could {name}");
        Assert.Null(await Projects.GetAsync(outsider, projectId));
        Assert.Empty(await Projects.ListAsync(outsider, new ProjectListFilter(IncludeArchived: true)));
        Assert.Equal("Trailer", (await LoadAsync(projectId)).Name);
    }

    [Fact]
    public async Task OwnerActions_ByAdminWhoIsNotAMember_AreAllowed()
    {
        foreach (var (name, act) in OwnerActions())
        {
            var result = await act(admin);
            Assert.True(result.Succeeded, $"admin could not {name}: {result.Message}");
        }
        var project = await LoadAsync(projectId);
        Assert.Equal(("Renamed", 1m, true), (project.Name, project.Settings.MonthlyBudgetUsd, project.IsArchived));
        Assert.DoesNotContain(project.Members, m => m.UserId == owner.UserId);
    }

    [Fact]
    public async Task Access_ReportsRoleAndVisibility_ForEachKindOfUser()
    {
        Assert.Equal((true, ProjectRole.Owner, true), Shape(await Access.GetAsync(owner, projectId)));
        Assert.Equal((true, ProjectRole.Editor, false), Shape(await Access.GetAsync(editor, projectId)));
        Assert.Equal((true, ProjectRole.Viewer, false), Shape(await Access.GetAsync(viewer, projectId)));
        Assert.Equal((false, null, false), Shape(await Access.GetAsync(outsider, projectId)));
        Assert.Equal((true, null, true), Shape(await Access.GetAsync(admin, projectId)));
        Assert.Equal((false, null, false), Shape(await Access.GetAsync(admin, Guid.NewGuid())));
        Assert.True((await Access.GetAsync(editor, projectId)).CanEdit);
        Assert.False((await Access.GetAsync(viewer, projectId)).CanComment);
        Assert.True((await Access.GetAsync(reviewer, projectId)).CanDecide);

        static (bool, ProjectRole?, bool) Shape(ProjectGrant g) => (g.CanView, g.Role, g.CanManage);
    }

    [Fact]
    public async Task List_ShowsMembersTheirProjectsWithRoleAndCount_AndAdminsEverything()
    {
        await ProjectAsync(outsider, "Other");

        var forViewer = Assert.Single(await Projects.ListAsync(viewer, new ProjectListFilter()));
        Assert.Equal(("Trailer", ProjectRole.Viewer, 4), (forViewer.Name, forViewer.MyRole, forViewer.MemberCount));
        var forAdmin = await Projects.ListAsync(admin, new ProjectListFilter());
        Assert.Equal(["Other", "Trailer"], forAdmin.Select(p => p.Name));
        Assert.All(forAdmin, p => Assert.Null(p.MyRole));
        Assert.Equal(["Trailer"], (await Projects.ListAsync(admin, new ProjectListFilter(Search: " trail"))).Select(p => p.Name));
    }
}
