namespace VideoHub.Account;

/// <summary>The one-line password advice shown under every new-password field.</summary>
public static class PasswordHint
{
    public static readonly string Text =
        $"At least {PasswordRules.MinLength} characters (up to {PasswordRules.MaxLength}). No special characters needed: " +
        "a few unrelated words make a strong passphrase that is easy to remember.";
}
