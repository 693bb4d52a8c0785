namespace VideoHub.Tests.Features.Policy.Matching;

/// <summary>Words that merely contain a term, or look like one, pass (the "Scunthorpe problem").</summary>
public sealed class InnocentWordTests
{
    [Theory]
    [InlineData("a class of students")]
    [InlineData("a grassy hill at dawn")]
    [InlineData("an assistant at the embassy")]
    [InlineData("a passenger on the bass boat")]
    [InlineData("the town of Scunthorpe in the rain")]
    [InlineData("a cucumber salad")]
    [InlineData("document the circumstances")]
    [InlineData("Essex and Sussex by the sea")]
    [InlineData("a unisex sextant")]
    [InlineData("the title of the constitution")]
    [InlineData("analysis of the canal")]
    [InlineData("a shell on the beach in Hello Harbour")]
    [InlineData("a cocktail and a peacock")]
    [InlineData("a therapist with a clipboard")]
    [InlineData("the heroines of the story")]
    [InlineData("a methodical mathematician")]
    [InlineData("gorgeous Gorey weather")]
    [InlineData("Mickeyville town square")]
    [InlineData("a mariachi band at the marina")]
    [InlineData("the Smurfette-like blue paint")]
    [InlineData("a titanic ship")]
    [InlineData("the nudeness of a minimal design")]
    [InlineData("a hancock tower")]
    [InlineData("a spiderweb and a manhole")]
    [InlineData("a pokey little puppy")]
    [InlineData("the sun rises over Pittsburgh")]
    [InlineData("a 1080p shot at 24 fps, 4 seconds, 16:9")]
    [InlineData("a batmobile-free street")]
    [InlineData("snapping turtles in a pond")]
    [InlineData("a drapery in the hall")]
    [InlineData("a bassist and a trumpeter")]
    [InlineData("behind the scenes footage")]
    [InlineData("an email to mike@example.com")]
    [InlineData("a well-lit scene, hello there")]
    public void InnocentPrompt_HasNoMatches(string prompt)
    {
        var matches = RuleSets.DefaultsAndShortWords.Match(prompt);
        Assert.True(matches.Count == 0, $"“{prompt}” matched: {string.Join(", ", matches.Select(m => $"{m.Rule.Pattern} at “{m.Text}”"))}");
    }

    [Fact]
    public void TwoRealWords_DoNotJoinIntoATerm()
    {
        var rules = RuleSets.Terms("Mickey");
        Assert.Empty(rules.Match("a mic key on the table"));
        Assert.Single(rules.Match("a Mic-key on the table"));
    }
}
