using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Audit;
using VideoHub.Features.Setup;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Setup;

public sealed class FirstAdminServiceTests : IDisposable
{
    private readonly VideoHubFactory factory = new();

    private async Task<FirstAdminResult> CompleteSetupAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FirstAdminService>()
            .CompleteSetupAsync(new NewAdmin(email, "Admin " + email, TestPasswords.Default));
    }

    [Fact]
    public async Task CompleteSetup_ManyAtOnce_CreatesExactlyOneAdmin()
    {
        _ = factory.Server;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => CompleteSetupAsync($"admin{i}@example.com")));

        Assert.Single(results, r => r.Outcome == FirstAdminOutcome.Created);
        Assert.Equal(7, results.Count(r => r.Outcome == FirstAdminOutcome.AlreadyDone));
        var user = Assert.Single(await factory.UsersAsync());
        Assert.True(await factory.IsAdminAsync(user.Email!));
        Assert.Single(await factory.AuditAsync(AuditActions.SetupCompleted));
    }

    [Fact]
    public async Task CompleteSetup_WithRefusedPassword_LeavesNoUserRoleOrAuditRow()
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<FirstAdminService>()
            .CompleteSetupAsync(new NewAdmin("ada@example.com", "Ada", "iloveyou"));

        Assert.Equal(FirstAdminOutcome.Invalid, result.Outcome);
        Assert.Equal(nameof(NewAdmin.Password), Assert.Single(result.Errors).Field);
        Assert.Empty(await factory.UsersAsync());
        Assert.Equal(0, await factory.QueryAsync(db => db.Roles.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(db => db.AuditEvents.CountAsync()));
    }

    [Fact]
    public async Task SetupState_OnceUsersExist_AnswersFromMemoryWithoutAskingTheDatabase()
    {
        var state = factory.Services.GetRequiredService<SetupState>();
        Assert.True(await state.IsSetupNeededAsync());
        await factory.CreateUserAsync("ada@example.com");
        Assert.False(await state.IsSetupNeededAsync());

        // Were the database asked again, it would now say "no users".
        await factory.QueryAsync(db => db.Users.ExecuteDeleteAsync());

        Assert.False(await state.IsSetupNeededAsync());
    }

    public void Dispose() => factory.Dispose();
}
