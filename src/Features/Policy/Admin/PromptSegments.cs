using VideoHub.Domain.Policy;

namespace VideoHub.Features.Policy.Admin;

/// <summary>A piece of the prompt, with the finding that highlights it (null for plain text).</summary>
public sealed record PromptSegment(string Text, PolicyFinding? Finding);

public static class PromptSegments
{
    /// <summary>Cuts the prompt into plain and highlighted pieces; where spans overlap, the earlier one wins.</summary>
    public static List<PromptSegment> Split(string prompt, IEnumerable<PolicyFinding> findings)
    {
        var segments = new List<PromptSegment>();
        var at = 0;
        foreach (var f in findings.Where(f => f.Span is not null).OrderBy(f => f.Span!.Value.Start))
        {
            var span = f.Span!.Value;
            var start = Math.Max(span.Start, at);
            var end = Math.Min(span.End, prompt.Length);
            if (end <= start) continue;
            if (start > at) segments.Add(new(prompt[at..start], null));
            segments.Add(new(prompt[start..end], f));
            at = end;
        }
        if (at < prompt.Length) segments.Add(new(prompt[at..], null));
        return segments;
    }
}
