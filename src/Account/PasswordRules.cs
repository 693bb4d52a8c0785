using System.Reflection;
using Microsoft.AspNetCore.Identity;
using VideoHub.Data;

namespace VideoHub.Account;

/// <summary>
/// Password rules per OWASP ASVS 5 (V6.2): at least 8 characters, passphrases up to 128, no composition rules,
/// and no password from a list of commonly used ones. This is the only password validator (see IdentitySetup),
/// so every broken rule gives exactly one message.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<ApplicationUser>
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public static readonly string TooShortMessage =
        $"Use at least {MinLength} characters. A few unrelated words make a strong passphrase that is easy to remember.";
    public static readonly string TooLongMessage = $"Use at most {MaxLength} characters.";
    public const string BlankMessage = "The password cannot be only spaces.";
    public const string TooCommonMessage =
        "This password is on a list of commonly used passwords. Choose another one; a few unrelated words make a strong passphrase.";
    public const string PersonalMessage = "The password must not be your email address or your name.";

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommonPasswords);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        var error = Check(password, user.UserName, user.Email, user.DisplayName);
        return Task.FromResult(error is null ? IdentityResult.Success : IdentityResult.Failed(error));
    }

    /// <summary>The first rule the password breaks, or null when it is acceptable.</summary>
    /// <param name="personal">The user's name, email and similar: the password must not equal any of them.</param>
    public static IdentityError? Check(string? password, params string?[] personal)
    {
        password ??= "";
        var length = CharacterCount(password);
        if (length < MinLength) return Error("PasswordTooShort", TooShortMessage);
        if (length > MaxLength) return Error("PasswordTooLong", TooLongMessage);
        if (string.IsNullOrWhiteSpace(password)) return Error("PasswordBlank", BlankMessage);
        if (IsCommon(password)) return Error("PasswordTooCommon", TooCommonMessage);
        var trimmed = password.Trim();
        if (personal.Any(p => !string.IsNullOrWhiteSpace(p) && string.Equals(trimmed, p.Trim(), StringComparison.OrdinalIgnoreCase)))
            return Error("PasswordIsPersonal", PersonalMessage);
        return null;
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    /// <summary>How many entries the common password list holds (for tests and diagnostics).</summary>
    public static int CommonCount => Common.Value.Count;

    // ASVS counts characters, not UTF-16 units: an emoji is one character.
    private static int CharacterCount(string password) => password.EnumerateRunes().Count();

    private static IdentityError Error(string code, string message) => new() { Code = code, Description = message };

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
