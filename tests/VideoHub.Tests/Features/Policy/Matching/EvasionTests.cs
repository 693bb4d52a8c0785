namespace VideoHub.Tests.Features.Policy.Matching;

/// <summary>Simple spelling tricks still match, and the match covers the original characters.</summary>
public sealed class EvasionTests
{
    private static readonly VideoHub.Features.Policy.Matching.CompiledRuleSet Rules =
        RuleSets.Terms("Mickey", "Spider-Man", "Pikachu", "Mario", "Beyoncé", "Darth Vader", "Pac-Man", "Smurf", "Dalek", "R2-D2");

    [Theory]
    [InlineData("a film with Mickey in it", "Mickey")]
    [InlineData("a film with MICKEY in it", "MICKEY")]
    [InlineData("a film with mIcKeY in it", "mIcKeY")]
    [InlineData("a film with M i c k e y in it", "M i c k e y")]
    [InlineData("a film with M.i.c.k.e.y in it", "M.i.c.k.e.y")]
    [InlineData("a film with Mic-key in it", "Mic-key")]
    [InlineData("a film with M_i_c_k_e_y in it", "M_i_c_k_e_y")]
    [InlineData("a film with M1ck3y in it", "M1ck3y")]
    [InlineData("a film with M!ckey in it", "M!ckey")]
    [InlineData("a film with Mìçkéy in it", "Mìçkéy")]
    [InlineData("a film with Ｍｉｃｋｅｙ in it", "Ｍｉｃｋｅｙ")]
    [InlineData("a film with Мickey in it", "Мickey")] // Cyrillic М
    [InlineData("the $pider-Man swings", "$pider-Man")]
    [InlineData("the Spiderman swings", "Spiderman")]
    [InlineData("the spider man swings", "spider man")]
    [InlineData("P1k@chu runs", "P1k@chu")]
    [InlineData("two Pikachus run", "Pikachus")]
    [InlineData("Mario's hat", "Mario's")]
    [InlineData("Mario’s hat", "Mario’s")]
    [InlineData("the Marios race", "Marios")]
    [InlineData("Beyonce sings", "Beyonce")]
    [InlineData("BEYONCÉ sings", "BEYONCÉ")]
    [InlineData("darth   vader breathes", "darth   vader")]
    [InlineData("DarthVader breathes", "DarthVader")]
    [InlineData("a pacman maze", "pacman")]
    [InlineData("blue Smurfs dance", "Smurfs")]
    [InlineData("three Daleks", "Daleks")]
    [InlineData("beep said r2d2", "r2d2")]
    [InlineData("(Mickey)", "Mickey")]
    [InlineData("\"Mickey!\"", "Mickey")]
    [InlineData("Mario64 on a console", "Mario")]
    [InlineData("@Mickey said hi", "Mickey")]
    public void Trick_StillMatches_AndTheSpanCoversTheOriginalText(string prompt, string expected)
    {
        var match = Assert.Single(Rules.Match(prompt));
        Assert.Equal(expected, prompt.Substring(match.Start, match.Length));
        Assert.Equal(expected, match.Text);
    }

    [Fact]
    public void SeveralMatches_EachMapBackToItsOwnSpan()
    {
        const string prompt = "Ünder the sea, M i c k e y meets Pikachus and $pider-Man's friend 🙂 Mario.";
        var spans = Rules.Match(prompt).OrderBy(m => m.Start).Select(m => prompt.Substring(m.Start, m.Length)).ToList();
        Assert.Equal(["M i c k e y", "Pikachus", "$pider-Man's", "Mario"], spans);
    }

    [Fact]
    public void Emoji_BeforeAMatch_DoNotShiftTheSpan()
    {
        const string prompt = "🙂🙂 ß Mickey";
        var match = Assert.Single(Rules.Match(prompt));
        Assert.Equal(prompt.IndexOf("Mickey", StringComparison.Ordinal), match.Start);
        Assert.Equal(6, match.Length);
    }
}
