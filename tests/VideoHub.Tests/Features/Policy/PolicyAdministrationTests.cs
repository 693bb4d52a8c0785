using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Policy;
using VideoHub.Domain.Users;
using VideoHub.Features.Admin;
using VideoHub.Features.Policy.Admin;
using VideoHub.Tests.Infrastructure;
using static VideoHub.Tests.Features.Admin.AdminTestExtensions;

namespace VideoHub.Tests.Features.Policy;

public sealed class PolicyAdministrationTests(VideoHubFactory factory) : IClassFixture<VideoHubFactory>, IDisposable
{
    private readonly IServiceScope scope = factory.Services.CreateScope();
    private PolicyAdministration Admin => scope.ServiceProvider.GetRequiredService<PolicyAdministration>();

    public void Dispose() => scope.Dispose();

    private async Task<Actor> ActorAsync(bool admin) =>
        await factory.ActorForAsync(await factory.CreateUserAsync(UniqueEmail(admin ? "admin" : "user"), admin: admin));

    private static PolicyRuleEdit Edit(string pattern, bool regex = false) => new()
    {
        Category = PolicyCategory.Custom, Pattern = pattern, IsRegex = regex, Action = PolicyAction.Block,
        Message = "is our client's competitor.", SuggestedFix = "Name no brands.",
    };

    private async Task<PolicyRule?> FindAsync(string pattern)
    {
        await using var db = await factory.DbAsync();
        return await db.PolicyRules.AsNoTracking().SingleOrDefaultAsync(r => r.Pattern == pattern);
    }

    [Fact]
    public async Task NonAdmin_IsRefused_AndNothingChanges()
    {
        var user = await ActorAsync(admin: false);
        var result = await Admin.CreateAsync(user, Edit("Globex Corporation"));
        Assert.Same(AdminResult.NotAllowed, result);
        Assert.Null(await FindAsync("Globex Corporation"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Admin.ListAsync(user, new PolicyRuleFilter()));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Admin.TryAsync(user, "Mickey"));
    }

    [Fact]
    public async Task ActorWhoseAdminRoleWasRevoked_IsRefused()
    {
        var stale = (await ActorAsync(admin: false)) with { IsAdmin = true };
        Assert.Same(AdminResult.NotAllowed, await Admin.CreateAsync(stale, Edit("Initech")));
        Assert.Null(await FindAsync("Initech"));
    }

    [Fact]
    public async Task InvalidRegex_IsRefused_WithAFieldError_AndNothingChanges()
    {
        var admin = await ActorAsync(admin: true);
        var result = await Admin.CreateAsync(admin, Edit("(unclosed", regex: true));
        Assert.False(result.Succeeded);
        Assert.StartsWith("This is not a valid regular expression", result.ErrorFor(nameof(PolicyRuleEdit.Pattern)));
        Assert.Null(await FindAsync("(unclosed"));
    }

    [Fact]
    public async Task Add_Disable_Enable_Edit_Delete_AreAudited_AndTakeEffectAtOnce()
    {
        var admin = await ActorAsync(admin: true);
        Assert.Empty(await Admin.TryAsync(admin, "a Hooli phone")); // compiles and caches the rule set first

        Assert.True((await Admin.CreateAsync(admin, Edit("Hooli"))).Succeeded);
        var rule = (await FindAsync("Hooli"))!;
        Assert.Equal("H00li", Assert.Single(await Admin.TryAsync(admin, "a H00li phone")).MatchedText);

        Assert.True((await Admin.SetEnabledAsync(admin, rule.Id, false)).Succeeded);
        Assert.Empty(await Admin.TryAsync(admin, "a Hooli phone"));
        Assert.True((await Admin.SetEnabledAsync(admin, rule.Id, true)).Succeeded);

        var edit = PolicyRuleEdit.From(rule);
        edit.Action = PolicyAction.Warn;
        Assert.True((await Admin.UpdateAsync(admin, rule.Id, edit)).Succeeded);
        Assert.Equal(FindingSeverity.Warn, Assert.Single(await Admin.TryAsync(admin, "a Hooli phone")).Severity);

        Assert.True((await Admin.DeleteAsync(admin, rule.Id)).Succeeded);
        Assert.Null(await FindAsync("Hooli"));
        Assert.Empty(await Admin.TryAsync(admin, "a Hooli phone"));

        var audit = await factory.AuditForAsync(rule.Id.ToString());
        Assert.Equal([AuditActions.PolicyRuleCreated, AuditActions.PolicyRuleDisabled, AuditActions.PolicyRuleEnabled,
            AuditActions.PolicyRuleUpdated, AuditActions.PolicyRuleDeleted], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(admin.UserId, a.ActorId));
    }

    [Fact]
    public async Task List_FiltersByCategoryAndSearch()
    {
        var admin = await ActorAsync(admin: true);
        var music = await Admin.ListAsync(admin, new PolicyRuleFilter(PolicyCategory.CopyrightedMusic));
        Assert.NotEmpty(music);
        Assert.All(music, r => Assert.Equal(PolicyCategory.CopyrightedMusic, r.Category));
        var found = await Admin.ListAsync(admin, new PolicyRuleFilter(null, "pikach"));
        Assert.Equal("Pikachu", Assert.Single(found).Pattern);
    }
}
