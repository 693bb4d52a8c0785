using Microsoft.Extensions.Options;

namespace VideoHub.Features.Setup;

/// <summary>
/// Creates an admin from Bootstrap:AdminEmail and Bootstrap:AdminPassword at start-up, only while no admin
/// exists. Runs after the DatabaseMigrator (hosted services start in registration order). Bad values are logged
/// and the app starts anyway; the password never appears in a log.
/// </summary>
public sealed class AdminBootstrapper(
    IServiceScopeFactory scopes, IOptions<BootstrapOptions> options, ILogger<AdminBootstrapper> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var email = options.Value.AdminEmail?.Trim() ?? "";
        var password = options.Value.AdminPassword ?? "";
        if (email.Length == 0 && password.Length == 0) return;
        if (email.Length == 0 || password.Length == 0)
        {
            log.LogError("Bootstrap admin not created: set both Bootstrap:AdminEmail and Bootstrap:AdminPassword " +
                         "(environment Bootstrap__AdminEmail and Bootstrap__AdminPassword), or neither.");
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<FirstAdminService>();
            var result = await service.BootstrapAsync(new NewAdmin(email, FirstAdminService.BootstrapDisplayName, password), ct);
            switch (result.Outcome)
            {
                case FirstAdminOutcome.Created:
                    log.LogInformation("Created administrator {Email} from the Bootstrap configuration. " +
                                       "Sign in and change the password, then remove Bootstrap:AdminPassword from the configuration.", email);
                    break;
                case FirstAdminOutcome.AlreadyDone:
                    log.LogInformation("An administrator already exists; the Bootstrap configuration is ignored.");
                    break;
                default:
                    log.LogError("Bootstrap admin {Email} not created: {Problems} Fix Bootstrap:AdminEmail or Bootstrap:AdminPassword " +
                                 "and restart, or create the first account at /setup.",
                        email, string.Join(" ", result.Errors.Select(e => e.Message)));
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception says what failed in the database; it holds no password (only a hash was ever written).
            log.LogError(ex, "Bootstrap admin {Email} not created because of an unexpected error.", email);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
