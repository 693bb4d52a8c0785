using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Users;

namespace VideoHub.Tests.Infrastructure;

/// <summary>The real app on a real SQLite file in its own temp folder; each factory is independent.</summary>
public class VideoHubFactory : WebApplicationFactory<Program>
{
    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "videohub-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Extra settings for a test class, applied over appsettings.json.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Data:Path", DataPath);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public async Task<ApplicationUser> CreateUserAsync(string email, string password = TestPasswords.Default, bool admin = false,
        string? displayName = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true,
            DisplayName = displayName ?? email.Split('@')[0],
            CreatedAt = DateTime.UtcNow,
        };
        Check(await users.CreateAsync(user, password));
        if (admin)
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(Roles.Admin)) Check(await roles.CreateAsync(new IdentityRole(Roles.Admin)));
            Check(await users.AddToRoleAsync(user, Roles.Admin));
        }
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataPath))
        {
            try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { /* SQLite may still hold the file briefly */ }
        }
    }
}

public static class TestPasswords
{
    public const string Default = "correct horse battery staple";
}
