using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoHub.Providers.OpenAiCompatible.Wire;

/// <summary>JSON settings of the OpenAI Videos wire format: snake_case, unknown fields ignored, numbers in strings tolerated.</summary>
public static class WireJson
{
    /// <summary>For objects a server returns: every field present, nullable ones as null (reference §3.1).</summary>
    public static readonly JsonSerializerOptions Responses = Create(JsonIgnoreCondition.Never);

    /// <summary>For request bodies a client sends: optional fields left out.</summary>
    public static readonly JsonSerializerOptions Requests = Create(JsonIgnoreCondition.WhenWritingNull);

    private static JsonSerializerOptions Create(JsonIgnoreCondition ignore)
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = ignore,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            // Write ' and " inside strings as they are, like the real service (never embedded in HTML).
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        o.Converters.Add(new FlexibleStringConverter());
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}

/// <summary>
/// Reads a string field that some servers write as a number ("seconds": 8 instead of "8") or a boolean; writes strings.
/// </summary>
public sealed class FlexibleStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => reader.TryGetInt64(out var l) ? l.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : reader.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => null,
            _ => SkipAndReturnNull(ref reader),
        };

    private static string? SkipAndReturnNull(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
