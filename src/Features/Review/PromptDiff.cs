namespace VideoHub.Features.Review;

public enum DiffKind { Same, Removed, Added }

public sealed record DiffPart(DiffKind Kind, string Text);

/// <summary>A word-level diff of two prompts (longest common subsequence), for comparing takes.</summary>
public static class PromptDiff
{
    public static IReadOnlyList<DiffPart> Words(string before, string after)
    {
        var a = Tokens(before);
        var b = Tokens(after);
        // Prompts are short (at most a few thousand words); the quadratic table is fine, but guard against huge ones.
        if ((long)a.Length * b.Length > 4_000_000)
            return [new DiffPart(DiffKind.Removed, before), new DiffPart(DiffKind.Added, after)];
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var parts = new List<DiffPart>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { Append(parts, DiffKind.Same, a[x]); x++; y++; }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) { Append(parts, DiffKind.Added, b[y]); y++; }
            else { Append(parts, DiffKind.Removed, a[x]); x++; }
        }
        return parts;
    }

    private static string[] Tokens(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static void Append(List<DiffPart> parts, DiffKind kind, string word)
    {
        if (parts.Count > 0 && parts[^1].Kind == kind) parts[^1] = parts[^1] with { Text = parts[^1].Text + " " + word };
        else parts.Add(new DiffPart(kind, word));
    }
}
