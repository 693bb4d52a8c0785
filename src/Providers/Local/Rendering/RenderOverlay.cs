using System.Globalization;
using System.Text;

namespace VideoHub.Providers.Local;

/// <summary>
/// What a rendered frame shows: the prompt (from a text file with expansion=none, so any character is safe), the
/// operation and the characters named, and a running timecode. Sizes scale with the frame height.
/// </summary>
public sealed class RenderOverlay(LocalJob job, int width, int height)
{
    private const string Sans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private const string Mono = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
    private const int MaxPromptLines = 6;

    private int FontSize => Math.Max(14, Math.Min(width, height) / 24);

    public string PromptText()
    {
        var perLine = Math.Max(16, (int)(width * 0.9 / (FontSize * 0.6)));
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in job.Prompt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var piece in word.Chunk(perLine).Select(c => new string(c)))
            {
                if (line.Length > 0 && line.Length + 1 + piece.Length > perLine) { lines.Add(line.ToString()); line.Clear(); }
                if (line.Length > 0) line.Append(' ');
                line.Append(piece);
            }
        }
        if (line.Length > 0) lines.Add(line.ToString());
        if (lines.Count > MaxPromptLines) lines = [.. lines.Take(MaxPromptLines - 1), lines[MaxPromptLines - 1] + " …"];
        return string.Join('\n', lines);
    }

    public string LabelText()
    {
        var operation = job.Operation switch
        {
            LocalOperations.Remix => $"remix of {job.SourceVideoId}",
            LocalOperations.Edit => job.SourceVideoId is null ? "edit of an uploaded clip" : $"edit of {job.SourceVideoId}",
            LocalOperations.Extend => $"extension {job.Extensions} of {job.SourceVideoId}",
            _ => "create",
        };
        var text = $"{operation} · {job.Model} · {job.Size} · {job.Seconds} s";
        if (job.CharacterNames.Count > 0) text += "\ncharacters: " + string.Join(", ", job.CharacterNames);
        return text;
    }

    /// <summary>The -vf chain; <paramref name="offset"/> starts the timecode later (an extension continues its source's).</summary>
    public string Filter(int offset)
    {
        var size = FontSize;
        var pad = size;
        var font = File.Exists(Sans) ? $"fontfile={Sans}" : "font='DejaVu Sans'";
        var mono = File.Exists(Mono) ? $"fontfile={Mono}" : "font='DejaVu Sans Mono'";
        var box = $"box=1:boxcolor=black@0.6:boxborderw={Math.Max(4, size / 3)}";
        return string.Join(',',
            $"scale={width}:{height}",
            $"drawtext={mono}:text='%{{pts\\:hms\\:{offset.ToString(CultureInfo.InvariantCulture)}}}':fontcolor=yellow:fontsize={size * 3 / 2}:{box}:x={pad}:y={pad}",
            $"drawtext={font}:textfile=label.txt:expansion=none:fontcolor=white:fontsize={size * 3 / 4}:{box}:x={pad}:y={pad * 3}",
            $"drawtext={font}:textfile=prompt.txt:expansion=none:fontcolor=white:fontsize={size}:line_spacing={size / 4}:{box}:x=(w-text_w)/2:y=h-text_h-{pad * 2}",
            "format=yuv420p");
    }
}
