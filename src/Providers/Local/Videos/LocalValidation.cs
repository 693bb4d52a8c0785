using System.Globalization;
using System.Text.Json.Nodes;

namespace VideoHub.Providers.Local;

/// <summary>The rules the real service applies (reference §2, §4), with its error wording.</summary>
public static class LocalValidation
{
    public const string DefaultModel = "sora-2";
    public const string DefaultSize = "720x1280";
    public const int DefaultSeconds = 4;
    public const int MaxPromptLength = 32_000;
    public const int MaxCharacters = 2;
    public const int MaxExtensions = 6;
    public const int MaxChainSeconds = 120;
    public const int MaxCharacterNameLength = 80;

    public static readonly IReadOnlyList<int> AllowedSeconds = [4, 8, 12, 16, 20];
    private static readonly string[] StandardSizes = ["720x1280", "1280x720"];
    private static readonly string[] ProSizes = ["720x1280", "1280x720", "1024x1792", "1792x1024", "1080x1920", "1920x1080"];

    /// <summary>Any model name is accepted; the pro family gets the larger sizes, everything else the standard ones.</summary>
    public static IReadOnlyList<string> SizesFor(string model) =>
        model.StartsWith("sora-2-pro", StringComparison.Ordinal) ? ProSizes : StandardSizes;

    public static string Prompt(JsonObject body)
    {
        var prompt = body.String("prompt") ?? throw WireError.Missing("prompt");
        if (prompt.Length == 0)
            throw WireError.Invalid("Invalid 'prompt': empty string. Expected a string with minimum length 1.", "prompt", "empty_string");
        if (prompt.Length > MaxPromptLength)
            throw WireError.Invalid($"Invalid 'prompt': string too long. Expected a string with maximum length {MaxPromptLength}, but got a string with length {prompt.Length} instead.",
                "prompt", "string_above_max_length");
        return prompt;
    }

    public static string Model(JsonObject body)
    {
        var model = body.String("model");
        return string.IsNullOrWhiteSpace(model) ? DefaultModel : model.Trim();
    }

    public static int Seconds(JsonObject body, string param = "seconds", bool required = false)
    {
        var text = body.String(param);
        if (text is null)
            return required ? throw WireError.Missing(param) : DefaultSeconds;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && AllowedSeconds.Contains(seconds))
            return seconds;
        throw WireError.Invalid($"Invalid value: '{text}'. Supported values are: {Choices(AllowedSeconds.Select(s => s.ToString(CultureInfo.InvariantCulture)))}.", param);
    }

    public static string Size(JsonObject body, string model)
    {
        var size = body.String("size") ?? DefaultSize;
        var allowed = SizesFor(model);
        if (allowed.Contains(size)) return size;
        var hint = ProSizes.Contains(size) ? $" Size '{size}' needs the sora-2-pro model." : "";
        throw WireError.Invalid($"Invalid value: '{size}'. Supported values for model '{model}' are: {Choices(allowed)}.{hint}", "size");
    }

    public static (int Width, int Height) Dimensions(string size)
    {
        var parts = size.Split('x');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static string Choices(IEnumerable<string> values)
    {
        var quoted = values.Select(v => $"'{v}'").ToList();
        return quoted.Count == 1 ? quoted[0] : string.Join(", ", quoted.SkipLast(1)) + ", and " + quoted[^1];
    }
}
