using System.Data;
using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Users;

namespace VideoHub.Features.Setup;

public sealed record NewAdmin(string Email, string DisplayName, string Password);

/// <summary>A problem with one field of <see cref="NewAdmin"/> (field null: the whole request).</summary>
public sealed record FieldError(string? Field, string Message);

public enum FirstAdminOutcome { Created, AlreadyDone, Invalid }

public sealed record FirstAdminResult(FirstAdminOutcome Outcome, ApplicationUser? User, IReadOnlyList<FieldError> Errors);

/// <summary>
/// Creates the first administrator, from the setup page (only while there are no users at all) or from the
/// bootstrap configuration (only while there is no admin). The check and the creation share one transaction and
/// one in-process gate, so two attempts at once never make two admins.
/// </summary>
public sealed class FirstAdminService(
    VideoHubDbContext db, // the same scoped context the UserManager and RoleManager write through
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    AuditLog audit,
    SetupState state,
    TimeProvider clock)
{
    public const string BootstrapDisplayName = "Administrator";

    public Task<FirstAdminResult> CompleteSetupAsync(NewAdmin input, CancellationToken ct = default) =>
        CreateAsync(input, bootstrap: false, ct);

    public Task<FirstAdminResult> BootstrapAsync(NewAdmin input, CancellationToken ct = default) =>
        CreateAsync(input, bootstrap: true, ct);

    private async Task<FirstAdminResult> CreateAsync(NewAdmin input, bool bootstrap, CancellationToken ct)
    {
        var email = input.Email.Trim();
        var displayName = input.DisplayName.Trim();
        var errors = ValidateFields(email, displayName);
        if (errors.Count > 0) return Invalid(errors);

        await state.Gate.WaitAsync(ct);
        try
        {
            // Serializable: BEGIN IMMEDIATE on SQLite, so another process re-checks only after this one commits.
            await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            if (bootstrap ? await AdminExistsAsync(ct) : await db.Users.AnyAsync(ct))
                return new FirstAdminResult(FirstAdminOutcome.AlreadyDone, null, []);

            var user = new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, input.Password);
            if (!created.Succeeded)
            {
                db.ChangeTracker.Clear();
                return Invalid([.. created.Errors.Select(ToFieldError)]);
            }
            if (!await roles.RoleExistsAsync(Roles.Admin)) Ensure(await roles.CreateAsync(new IdentityRole(Roles.Admin)));
            Ensure(await users.AddToRoleAsync(user, Roles.Admin));

            if (bootstrap)
                audit.Add(db, null, AuditActions.AdminBootstrapped, "User", user.Id,
                    $"Administrator {email} created from the Bootstrap configuration").ActorName = "system";
            else
                audit.Add(db, new Actor(user.Id, user.Label, IsAdmin: true), AuditActions.SetupCompleted, "User", user.Id,
                    $"First-run setup created administrator {email}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            state.MarkUsersExist();
            return new FirstAdminResult(FirstAdminOutcome.Created, user, []);
        }
        finally
        {
            state.Gate.Release();
        }
    }

    private Task<bool> AdminExistsAsync(CancellationToken ct) =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Admin select ur).AnyAsync(ct);

    private static List<FieldError> ValidateFields(string email, string displayName)
    {
        var errors = new List<FieldError>();
        if (!IsValidEmail(email)) errors.Add(new(nameof(NewAdmin.Email), "Enter a valid email address, such as name@example.com."));
        if (displayName.Length == 0) errors.Add(new(nameof(NewAdmin.DisplayName), "Enter the name other people will see."));
        else if (displayName.Length > ApplicationUser.DisplayNameMaxLength)
            errors.Add(new(nameof(NewAdmin.DisplayName), $"Use at most {ApplicationUser.DisplayNameMaxLength} characters."));
        return errors;
    }

    public static bool IsValidEmail(string email) =>
        email.Length is > 0 and <= 256 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email;

    private static FieldError ToFieldError(IdentityError e) => e.Code switch
    {
        _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => new(nameof(NewAdmin.Password), e.Description),
        "InvalidEmail" or "InvalidUserName" => new(nameof(NewAdmin.Email), "Enter a valid email address, such as name@example.com."),
        "DuplicateEmail" or "DuplicateUserName" => new(nameof(NewAdmin.Email), "An account with this email address already exists."),
        _ => new(null, e.Description),
    };

    private static FirstAdminResult Invalid(IReadOnlyList<FieldError> errors) => new(FirstAdminOutcome.Invalid, null, errors);

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
