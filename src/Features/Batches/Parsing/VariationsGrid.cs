using VideoHub.Domain.Policy;

namespace VideoHub.Features.Batches.Parsing;

/// <summary>Every combination of prompts × sizes × durations × models, as batch rows with readable custom ids.</summary>
public sealed class VariationsGridInput
{
    public string Prompts { get; set; } = "";
    public List<string> Sizes { get; set; } = [];
    public List<int> Seconds { get; set; } = [];
    public List<string> Models { get; set; } = [];
    public string? ProviderId { get; set; }
}

public static class VariationsGrid
{
    public static ParsedFile Expand(VariationsGridInput input)
    {
        var prompts = input.Prompts.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        List<RowIssue> issues = [];
        if (prompts.Count == 0) issues.Add(Issue("prompts", "Write at least one prompt, one per line."));
        if (prompts.Count > BatchLimits.MaxPromptsInGrid) issues.Add(Issue("prompts", $"Use at most {BatchLimits.MaxPromptsInGrid} prompts."));
        if (input.Sizes.Count == 0) issues.Add(Issue("size", "Choose at least one size."));
        if (input.Seconds.Count == 0) issues.Add(Issue("seconds", "Choose at least one duration."));
        if (input.Models.Count == 0) issues.Add(Issue("model", "Choose at least one model."));
        var total = (long)prompts.Count * input.Sizes.Count * input.Seconds.Count * input.Models.Count;
        if (total > BatchLimits.MaxRows) issues.Add(Issue("file", $"That makes {total:N0} renders; a batch has at most {BatchLimits.MaxRows:N0}."));
        if (issues.Count > 0) return new ParsedFile([], issues);

        var rows = new List<BatchRowInput>();
        var n = 0;
        for (var p = 0; p < prompts.Count; p++)
            foreach (var model in input.Models)
            foreach (var size in input.Sizes)
            foreach (var seconds in input.Seconds)
            {
                n++;
                rows.Add(new BatchRowInput(n, $"p{p + 1}-{model}-{size}-{seconds}s", prompts[p])
                {
                    ProviderId = input.ProviderId, Model = model, Size = size, Seconds = seconds,
                });
            }
        return new ParsedFile(rows, []);
    }

    private static RowIssue Issue(string field, string message) => new(0, null, field, FindingSeverity.Block, message);
}
