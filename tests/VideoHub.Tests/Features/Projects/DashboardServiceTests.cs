using VideoHub.Domain.Audit;
using VideoHub.Domain.Projects;
using VideoHub.Features.Projects;

namespace VideoHub.Tests.Features.Projects;

public sealed class DashboardServiceTests : ProjectsTestBase
{
    [Fact]
    public async Task Dashboard_ShowsMyProjectsAndTheirLatestActivityFirst_ButNotOtherProjects()
    {
        var ana = await UserAsync("ana");
        var bo = await UserAsync("bo");
        var mine = await ProjectAsync(ana, "Trailer", (bo, ProjectRole.Viewer));
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await ProjectAsync(ana, "Secret");
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await Projects.UpdateSettingsAsync(ana, mine, new ProjectSettings { MonthlyBudgetUsd = 20 });

        var board = await Dashboard.GetAsync(bo);

        var card = Assert.Single(board.Projects);
        Assert.Equal(("Trailer", ProjectRole.Viewer, 2), (card.Name, card.MyRole, card.MemberCount));
        Assert.Equal([AuditActions.ProjectSettingsChanged, AuditActions.MemberAdded, AuditActions.ProjectCreated],
            board.Activity.Select(a => a.Action));
        Assert.All(board.Activity, a => Assert.Equal(("Trailer", "ana"), (a.ProjectName, a.ActorName)));
    }

    [Fact]
    public async Task Dashboard_ForAdmin_ShowsActivityOfAllProjects()
    {
        var ana = await UserAsync("ana");
        var admin = await UserAsync("root", admin: true);
        await ProjectAsync(ana, "Trailer");
        await ProjectAsync(ana, "Teaser");

        var board = await Dashboard.GetAsync(admin);

        Assert.Equal(2, board.ProjectCount);
        Assert.Equal(["Teaser", "Trailer"], board.Activity.Select(a => a.ProjectName));
    }

    [Fact]
    public async Task Dashboard_ForNewUser_IsEmpty()
    {
        var ana = await UserAsync("ana");
        var board = await Dashboard.GetAsync(ana);
        Assert.Equal((0, 0), (board.Projects.Count, board.Activity.Count));
    }

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(90, "a minute ago")]
    [InlineData(300, "5 minutes ago")]
    [InlineData(3 * 3600, "3 hours ago")]
    [InlineData(30 * 3600, "yesterday")]
    [InlineData(4 * 86400, "4 days ago")]
    [InlineData(40 * 86400, "21 Jan")]
    public void TimeAgo_SaysHowLongAgoInPlainWords(int secondsAgo, string expected)
    {
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(expected, ActivityText.TimeAgo(now.UtcDateTime.AddSeconds(-secondsAgo), now));
    }
}
