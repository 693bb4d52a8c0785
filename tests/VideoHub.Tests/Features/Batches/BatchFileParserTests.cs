using System.Text;
using VideoHub.Features.Batches.Parsing;
using VideoHub.Features.Rendering.Jobs;

namespace VideoHub.Tests.Features.Batches;

/// <summary>Reading batch files: every bad line is reported with its line and field, good lines still parse.</summary>
public sealed class BatchFileParserTests
{
    private static Task<ParsedFile> ParseAsync(string text, string name = "batch.csv") =>
        BatchFileParser.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), name);

    [Fact]
    public async Task Csv_WithQuotedCommasQuotesAndLineBreaks_ReadsEachAsOneField()
    {
        var parsed = await ParseAsync("custom_id,prompt,model,size,seconds\n" +
            "a,\"A harbour, at dawn, \"\"calm\"\"\",sora-2,1280x720,4\n" +
            "b,\"Two lines\nof prompt\",sora-2,720x1280,8\n");

        Assert.Empty(parsed.Issues);
        Assert.Equal(["a", "b"], parsed.Rows.Select(r => r.CustomId));
        Assert.Equal("A harbour, at dawn, \"calm\"", parsed.Rows[0].Prompt);
        Assert.Equal("Two lines\nof prompt", parsed.Rows[1].Prompt);
        Assert.Equal(("720x1280", 8), (parsed.Rows[1].Size, parsed.Rows[1].Seconds));
        Assert.Equal([2, 3], parsed.Rows.Select(r => r.LineNumber));
    }

    [Fact]
    public async Task Csv_WithBadQuoting_ReportsTheLine_AndKeepsTheGoodRows()
    {
        var parsed = await ParseAsync("custom_id,prompt,seconds\n" +
            "ok-1,A quiet street,4\n" +
            "bad,A \"quoted\" word without quoting the field,4\n" +
            "ok-2,A busy market,8\n");

        Assert.Equal(["ok-1", "ok-2"], parsed.Rows.Select(r => r.CustomId));
        var issue = Assert.Single(parsed.Issues);
        Assert.Equal((3, "file"), (issue.LineNumber, issue.Field));
        Assert.Contains("quot", issue.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Csv_WithUnquotedCommaInAField_ReportsTheFieldCount()
    {
        var parsed = await ParseAsync("custom_id,prompt,seconds\nx,A cat, a dog,4\ny,A bird,4\n");

        Assert.Equal(["y"], parsed.Rows.Select(r => r.CustomId));
        var issue = Assert.Single(parsed.Issues);
        Assert.Equal(2, issue.LineNumber);
        Assert.Contains("4 fields but the header has 3", issue.Message);
    }

    [Fact]
    public async Task DuplicateCustomIds_ReportTheLaterRow_AndKeepTheFirst()
    {
        var parsed = await ParseAsync("custom_id,prompt\nshot-1,First\nshot-2,Second\nshot-1,Third\n");

        Assert.Equal(["shot-1", "shot-2"], parsed.Rows.Select(r => r.CustomId));
        var issue = Assert.Single(parsed.Issues);
        Assert.Equal((4, "custom_id", "shot-1"), (issue.LineNumber, issue.Field, issue.CustomId));
        Assert.Contains("unique", issue.Message);
    }

    [Fact]
    public async Task SecondsThatAreNotANumber_AndAnEmptyPrompt_AreReportedByField()
    {
        var parsed = await ParseAsync("custom_id,prompt,seconds\na,A cat,four\nb,,4\n");

        Assert.Empty(parsed.Rows);
        Assert.Equal([(2, "seconds"), (3, "prompt")], parsed.Issues.Select(i => (i.LineNumber, i.Field)));
    }

    [Fact]
    public async Task FileOverTenMegabytes_IsRefused_WithNoRows()
    {
        var line = "x,A very long prompt that repeats " + new string('a', 200) + "\n";
        var text = new StringBuilder("custom_id,prompt\n");
        while (text.Length <= BatchLimits.MaxFileBytes) text.Append(line);

        var parsed = await ParseAsync(text.ToString());

        Assert.True(parsed.IsRefused);
        Assert.Empty(parsed.Rows);
        Assert.Contains("larger than 10 MB", Assert.Single(parsed.Issues).Message);
    }

    [Fact]
    public async Task Jsonl_ReadsPlainLinesAndOpenAiBatchLines_AndReportsBrokenJsonByLine()
    {
        var parsed = await ParseAsync(
            "{\"custom_id\":\"a\",\"prompt\":\"A fox\",\"seconds\":8,\"catalog_items\":[\"Nova\",\"Rex\"],\"image\":\"fox.png\"}\n" +
            "{\"custom_id\":\"b\",\"method\":\"POST\",\"url\":\"/v1/videos\",\"body\":{\"prompt\":\"A hen\",\"model\":\"sora-2-pro\",\"size\":\"1920x1080\",\"seconds\":\"4\"}}\n" +
            "{\"custom_id\":\"c\",\"prompt\":\"unterminated\n" +
            "[1,2]\n", "rows.jsonl");

        Assert.Equal(["a", "b"], parsed.Rows.Select(r => r.CustomId));
        Assert.Equal((8, "Nova;Rex", "fox.png"), (parsed.Rows[0].Seconds!.Value, string.Join(";", parsed.Rows[0].CatalogItems), parsed.Rows[0].ImageFileName));
        Assert.Equal(("sora-2-pro", "1920x1080", 4), (parsed.Rows[1].Model, parsed.Rows[1].Size, parsed.Rows[1].Seconds!.Value));
        Assert.Equal([3, 4], parsed.Issues.Select(i => i.LineNumber));
    }

    [Fact]
    public async Task AnotherExtension_OrNoPromptColumn_IsRefused()
    {
        Assert.True((await ParseAsync("a,b", "rows.xlsx")).IsRefused);
        Assert.Contains("prompt", Assert.Single((await ParseAsync("id,text\n1,hi\n")).Issues).Message);
    }

    [Fact]
    public void VariationsGrid_MakesEveryCombination_WithUniqueCustomIds()
    {
        var parsed = VariationsGrid.Expand(new VariationsGridInput
        {
            Prompts = "A fox\n\nA hen\n", Sizes = ["1280x720", "720x1280"], Seconds = [4, 8], Models = ["sora-2"], ProviderId = "local",
        });

        Assert.Equal(8, parsed.Rows.Count);
        Assert.Equal(8, parsed.Rows.Select(r => r.CustomId).Distinct().Count());
        Assert.Equal(4, parsed.Rows.Count(r => r.Prompt == "A hen"));
    }

    [Fact]
    public void Interleave_AlternatesLanes_StartingAfterTheLaneServedLast()
    {
        var batchA = Guid.NewGuid();
        var batchB = Guid.NewGuid();
        FairQueue.Candidate C(string id, Guid? lane) => new(Guid.Parse(id.PadLeft(32, '0')), "local", lane);
        var lanes = new List<(Guid, IReadOnlyList<FairQueue.Candidate>)>
        {
            (Guid.Empty, [C("1", null)]),
            (batchA, [C("a1", batchA), C("a2", batchA), C("a3", batchA)]),
            (batchB, [C("b1", batchB)]),
        };

        var fromStart = FairQueue.Interleave(lanes, null, 10).Select(c => c.Id.ToString("N").TrimStart('0')).ToList();
        var afterInteractive = FairQueue.Interleave(lanes, Guid.Empty, 10).Select(c => c.Id.ToString("N").TrimStart('0')).ToList();
        var afterB = FairQueue.Interleave(lanes, batchB, 2).Select(c => c.Id.ToString("N").TrimStart('0')).ToList();

        Assert.Equal(["1", "a1", "b1", "a2", "a3"], fromStart);
        Assert.Equal(["a1", "b1", "1", "a2", "a3"], afterInteractive);
        Assert.Equal(["1", "a1"], afterB);
    }
}
