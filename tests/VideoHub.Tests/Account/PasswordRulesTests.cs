using Microsoft.AspNetCore.Identity;
using VideoHub.Account;
using VideoHub.Data;

namespace VideoHub.Tests.Account;

public sealed class PasswordRulesTests
{
    private static readonly ApplicationUser Ada = new() { UserName = "ada@example.com", Email = "ada@example.com", DisplayName = "Ada Lovelace" };

    private static async Task<IdentityResult> ValidateAsync(string? password) =>
        await new PasswordRules().ValidateAsync(null!, Ada, password);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a7#Kq2!")]
    public async Task Validate_ShorterThanEight_IsRefusedWithLengthMessage(string? password)
    {
        var result = await ValidateAsync(password);
        var error = Assert.Single(result.Errors);
        Assert.Equal("PasswordTooShort", error.Code);
        Assert.Equal(PasswordRules.TooShortMessage, error.Description);
    }

    [Fact]
    public async Task Validate_EightUncommonCharacters_WithoutAnyCompositionIsAccepted()
    {
        Assert.True((await ValidateAsync("tulipsky")).Succeeded);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(128)]
    public async Task Validate_LongPassphrase_UpTo128CharactersIsAccepted(int length)
    {
        var passphrase = Passphrase(length);
        Assert.Equal(length, passphrase.Length);
        Assert.True((await ValidateAsync(passphrase)).Succeeded);
    }

    [Fact]
    public async Task Validate_129Characters_IsRefusedWithLengthMessage()
    {
        var error = Assert.Single((await ValidateAsync(Passphrase(129))).Errors);
        Assert.Equal("PasswordTooLong", error.Code);
        Assert.Equal(PasswordRules.TooLongMessage, error.Description);
    }

    [Fact]
    public async Task Validate_CountsCharactersNotUtf16Units()
    {
        // An emoji is two UTF-16 units but one character: 7 are too few, 100 (200 units) are within 128 characters.
        Assert.True((await ValidateAsync(string.Concat(Enumerable.Repeat("🎬", 8)))).Succeeded);
        Assert.Equal("PasswordTooShort", Assert.Single((await ValidateAsync(string.Concat(Enumerable.Repeat("🎬", 7)))).Errors).Code);
        Assert.True((await ValidateAsync(string.Concat(Enumerable.Repeat("🎬", 100)))).Succeeded);
    }

    [Theory]
    [InlineData("password1")]
    [InlineData("12345678")]
    [InlineData("qwerty123")]
    [InlineData("iloveyou")]
    [InlineData("trustno1")]
    public async Task Validate_CommonPassword_IsRefused(string password)
    {
        var error = Assert.Single((await ValidateAsync(password)).Errors);
        Assert.Equal("PasswordTooCommon", error.Code);
        Assert.Equal(PasswordRules.TooCommonMessage, error.Description);
    }

    [Theory]
    [InlineData("PASSWORD1")]
    [InlineData("Sunshine1")]
    [InlineData("  FootBall  ")]
    public async Task Validate_CommonPassword_IsRefusedWhateverTheCaseOrSurroundingSpaces(string password)
    {
        Assert.Equal("PasswordTooCommon", Assert.Single((await ValidateAsync(password)).Errors).Code);
    }

    [Theory]
    [InlineData("ada@example.com")]
    [InlineData("ADA@Example.com")]
    [InlineData("ada lovelace")]
    public async Task Validate_EqualToEmailOrName_IsRefused(string password)
    {
        var error = Assert.Single((await ValidateAsync(password)).Errors);
        Assert.Equal("PasswordIsPersonal", error.Code);
        Assert.Equal(PasswordRules.PersonalMessage, error.Description);
    }

    [Fact]
    public async Task Validate_OnlySpaces_IsRefused()
    {
        Assert.Equal("PasswordBlank", Assert.Single((await ValidateAsync(new string(' ', 12))).Errors).Code);
    }

    [Fact]
    public void CommonList_HasSeveralHundredDistinctLowerCaseEntriesOfAtLeastEightCharacters()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("VideoHub.Account.common-passwords.txt");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        var entries = reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && l[0] != '#').ToList();

        Assert.True(entries.Count >= 300, $"only {entries.Count} entries");
        Assert.Equal(entries.Count, entries.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(entries, e => Assert.True(e.Length >= PasswordRules.MinLength, $"'{e}' is shorter than the minimum"));
        Assert.All(entries, e => Assert.Equal(e.ToLowerInvariant(), e));
        Assert.Equal(entries.Count, PasswordRules.CommonCount);
    }

    private static string Passphrase(int length)
    {
        const string words = "violet harbour minted seventeen lanterns over quiet copper hills ";
        var text = string.Concat(Enumerable.Repeat(words, length / words.Length + 1))[..length];
        return text.EndsWith(' ') ? text[..^1] + "x" : text;
    }
}
