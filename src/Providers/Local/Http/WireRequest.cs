using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace VideoHub.Providers.Local;

/// <summary>
/// A POST body read the same way whether it came as JSON or as multipart/urlencoded form (every POST accepts both,
/// as the official SDKs send: reference §13). Files stay as form files, streamed to disk by the form reader.
/// </summary>
public sealed class WireRequest
{
    private WireRequest(JsonObject fields, IFormFileCollection? files) { Fields = fields; Files = files; }

    public JsonObject Fields { get; }
    public IFormFileCollection? Files { get; }

    public static WireRequest FromJson(JsonObject fields) => new(fields, null);

    public IFormFile? File(string name) => Files?.GetFile(name);

    public static async Task<WireRequest> ReadAsync(HttpContext http, long maxBytes, CancellationToken ct)
    {
        var request = http.Request;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBytes;
        if (request.ContentLength > maxBytes) throw WireError.TooLarge(maxBytes);

        if (request.HasJsonContentType())
        {
            JsonNode? node;
            try { node = await JsonNode.ParseAsync(request.Body, cancellationToken: ct); }
            catch (JsonException ex) { throw WireError.Invalid($"We could not parse the JSON body of your request. ({ex.Message})", null, null); }
            return node as JsonObject is { } obj ? new(obj, null)
                : throw WireError.Invalid("The JSON body must be an object.", null, null);
        }
        if (request.HasFormContentType)
        {
            http.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
            {
                MultipartBodyLengthLimit = maxBytes,
                ValueLengthLimit = 21 * 1024 * 1024, // input_reference[image_url] data: URLs go up to 20,971,520 chars
            }));
            var form = await request.ReadFormAsync(ct);
            var fields = new JsonObject();
            foreach (var (key, values) in form) BracketFields.Add(fields, key, values.ToArray());
            return new(fields, form.Files);
        }
        if (request.ContentLength is null or 0 && string.IsNullOrEmpty(request.ContentType)) return new(new JsonObject(), null);
        throw WireError.Invalid("Unsupported content type: send application/json or multipart/form-data.", null, null);
    }
}

/// <summary>Typed reads of request fields that tolerate strings where numbers are expected and the reverse.</summary>
public static class WireFields
{
    public static string? String(this JsonObject o, string name) => o[name] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        null => null,
        var other => throw WireError.Invalid($"Invalid type for '{name}': expected a string.", name, "invalid_type"),
    };

    public static JsonObject? Object(this JsonObject o, string name) => o[name] switch
    {
        JsonObject obj => obj,
        null => null,
        _ => throw WireError.Invalid($"Invalid type for '{name}': expected an object.", name, "invalid_type"),
    };

    /// <summary>The ids of an array of {"id"} objects (or plain strings).</summary>
    public static List<string> IdList(this JsonObject o, string name)
    {
        if (o[name] is null) return [];
        if (o[name] is not JsonArray array)
            throw WireError.Invalid($"Invalid type for '{name}': expected an array of objects with an 'id'.", name, "invalid_type");
        var ids = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var id = array[i] switch
            {
                JsonObject item => item.String("id"),
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                _ => null,
            };
            if (string.IsNullOrWhiteSpace(id)) throw WireError.Missing($"{name}[{i}].id");
            ids.Add(id);
        }
        return ids;
    }
}
