using System.Text;
using System.Text.Json;
using VideoHub.Domain.Rendering;
using VideoHub.Providers;
using VideoHub.Providers.OpenAiCompatible;
using VideoHub.Providers.OpenAiCompatible.Wire;

namespace VideoHub.Features.Batches.Jobs;

/// <summary>The provider batch's files: the input JSONL VideoHub writes and the output JSONL it reads back.</summary>
public static class ProviderBatchFiles
{
    /// <summary>One POST /v1/videos line per row; the row's BatchCustomId is the custom_id the output is mapped back by.</summary>
    public static byte[] WriteInput(IEnumerable<RenderRequest> rows, IReadOnlyDictionary<Guid, List<string>> characters)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            var body = new VideoCreateBody
            {
                Prompt = row.Prompt, Model = row.Model, Size = row.Size, Seconds = WireMapping.Seconds(row.Seconds),
                Characters = characters.TryGetValue(row.Id, out var ids) && ids.Count > 0 ? ids.Select(id => new IdRef { Id = id }).ToList() : null,
            };
            var line = new BatchInputLineDto
            {
                CustomId = row.BatchCustomId, Method = "POST", Url = "/v1/videos",
                Body = JsonSerializer.SerializeToElement(body, WireJson.Requests),
            };
            text.Append(JsonSerializer.Serialize(line, WireJson.Requests)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>What the provider answered for one custom_id: the job it started, or why it started none.</summary>
    public sealed record Outcome(ProviderVideo? Video, string? Error, bool PolicyRejection);

    /// <summary>Reads the output file line by line; lines it cannot read are skipped (their rows count as missing).</summary>
    public static async Task<Dictionary<string, Outcome>> ReadOutputAsync(Stream output, CancellationToken ct)
    {
        var results = new Dictionary<string, Outcome>(StringComparer.Ordinal);
        using var reader = new StreamReader(output, Encoding.UTF8);
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            BatchOutputLineDto? dto;
            try { dto = JsonSerializer.Deserialize<BatchOutputLineDto>(line, WireJson.Responses); }
            catch (JsonException) { continue; }
            if (dto?.CustomId is not { } id) continue;
            results[id] = Read(dto);
        }
        return results;
    }

    private static Outcome Read(BatchOutputLineDto dto)
    {
        if (dto.Response is { StatusCode: >= 200 and < 300 } ok)
        {
            try
            {
                var video = ok.Body.Deserialize<VideoDto>(WireJson.Responses);
                if (video is { Id.Length: > 0 }) return new Outcome(WireMapping.ToVideo(video), null, false);
            }
            catch (JsonException) { /* falls through to an error below */ }
            return new Outcome(null, "The provider's answer for this row could not be read.", false);
        }
        ErrorDto? error = dto.Error;
        if (error is null && dto.Response is { } failed)
        {
            try { error = failed.Body.Deserialize<ErrorEnvelopeDto>(WireJson.Responses)?.Error; }
            catch (JsonException) { /* keep the generic message */ }
        }
        var policy = error?.Code is "moderation_blocked" or "content_policy_violation" || error?.Type == "moderation";
        return new Outcome(null, error?.Message ?? $"The provider refused this row (HTTP {dto.Response?.StatusCode}).", policy);
    }
}
