using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VideoHub.Data;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.E2E;

/// <summary>Users created straight in the app's database, and pages signed in through the real login form.</summary>
public static class AppUsers
{
    public const string Password = "correct horse battery staple";

    public static async Task<Actor> CreateUserAsync(this AppFixture app, string email, string name, bool? darkMode = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTime.UtcNow, PrefersDarkMode = darkMode,
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return new Actor(user.Id, name, false);
    }

    /// <summary>A project made through the real project service, owned by <paramref name="owner"/>.</summary>
    public static async Task<Guid> CreateProjectAsync(this AppFixture app, Actor owner, string name, string brief)
    {
        using var scope = app.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<ProjectService>().CreateAsync(owner, new ProjectInput { Name = name, Brief = brief });
        Assert.True(created.Succeeded, created.Message);
        return created.Value;
    }

    /// <summary>A new browser page signed in as <paramref name="email"/>, on the dashboard with its circuit up.</summary>
    public static async Task<IPage> SignedInPageAsync(this AppFixture app, string email)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.WaitForInteractiveAsync();
        return page;
    }
}
