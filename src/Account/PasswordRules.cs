using System.Reflection;
using Microsoft.AspNetCore.Identity;
using VideoHub.Data;

namespace VideoHub.Account;

/// <summary>
/// Password rules per OWASP ASVS 5 (V6.2): at least 8 characters, passphrases up to 128, no composition rules,
/// and no password from a list of commonly used ones.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<ApplicationUser>
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommonPasswords);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        password ??= "";
        if (password.Length > MaxLength)
            return Fail("PasswordTooLong", $"Passwords can be at most {MaxLength} characters long.");
        if (IsCommon(password))
            return Fail("PasswordTooCommon", "This password is on a list of commonly used passwords. Choose another one; a few unrelated words make a strong passphrase.");
        var name = user.UserName ?? user.Email ?? "";
        if (name.Length > 0 && string.Equals(password, name, StringComparison.OrdinalIgnoreCase))
            return Fail("PasswordIsUserName", "The password must not be your user name or email address.");
        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    private static Task<IdentityResult> Fail(string code, string message) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = message }));

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("VideoHub.Account.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') set.Add(line.Trim());
        return set;
    }
}
