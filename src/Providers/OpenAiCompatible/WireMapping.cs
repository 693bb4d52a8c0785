using System.Globalization;
using VideoHub.Providers.OpenAiCompatible.Wire;

namespace VideoHub.Providers.OpenAiCompatible;

/// <summary>Maps wire DTOs to the provider-neutral types: the edge where the wire format stops.</summary>
public static class WireMapping
{
    public static ProviderVideo ToVideo(VideoDto d, TimeSpan? pollAfter = null) => new(
        Id: d.Id,
        Model: d.Model ?? "",
        Status: ParseStatus(d.Status),
        RawStatus: d.Status ?? "",
        Progress: (int)Math.Clamp(Math.Round(d.Progress ?? 0), 0, 100),
        CreatedAt: FromUnix(d.CreatedAt) ?? DateTime.UnixEpoch,
        CompletedAt: FromUnix(d.CompletedAt),
        ExpiresAt: FromUnix(d.ExpiresAt),
        Prompt: d.Prompt,
        Size: d.Size ?? "",
        Seconds: ParseSeconds(d.Seconds),
        RemixedFromVideoId: d.RemixedFromVideoId,
        Error: d.Error is null ? null : new ProviderVideoError(d.Error.Code, d.Error.Message ?? d.Error.Code ?? "The render failed."),
        PollAfter: pollAfter);

    public static ProviderVideoStatus ParseStatus(string? status) => status switch
    {
        "queued" => ProviderVideoStatus.Queued,
        "in_progress" => ProviderVideoStatus.InProgress,
        "completed" => ProviderVideoStatus.Completed,
        "failed" => ProviderVideoStatus.Failed,
        _ => ProviderVideoStatus.Unknown,
    };

    public static ProviderCharacter ToCharacter(CharacterDto d) =>
        new(d.Id ?? "", d.Name, FromUnix(d.CreatedAt) ?? DateTime.UnixEpoch);

    public static ProviderFile ToFile(FileDto d) =>
        new(d.Id, d.Filename, d.Bytes, d.Purpose, FromUnix(d.CreatedAt) ?? DateTime.UnixEpoch);

    public static ProviderBatch ToBatch(BatchDto d) => new(
        Id: d.Id,
        Status: ParseBatchStatus(d.Status),
        RawStatus: d.Status ?? "",
        InputFileId: d.InputFileId,
        OutputFileId: d.OutputFileId,
        ErrorFileId: d.ErrorFileId,
        Counts: new BatchRequestCounts(d.RequestCounts?.Total ?? 0, d.RequestCounts?.Completed ?? 0, d.RequestCounts?.Failed ?? 0),
        CreatedAt: FromUnix(d.CreatedAt) ?? DateTime.UnixEpoch,
        CompletedAt: FromUnix(d.CompletedAt),
        Errors: d.Errors?.Data.Select(e => e.Message ?? e.Code ?? "error").ToList() ?? []);

    public static ProviderBatchStatus ParseBatchStatus(string? status) => status switch
    {
        "validating" => ProviderBatchStatus.Validating,
        "in_progress" => ProviderBatchStatus.InProgress,
        "finalizing" => ProviderBatchStatus.Finalizing,
        "completed" => ProviderBatchStatus.Completed,
        "failed" => ProviderBatchStatus.Failed,
        "expired" => ProviderBatchStatus.Expired,
        "cancelling" => ProviderBatchStatus.Cancelling,
        "cancelled" => ProviderBatchStatus.Cancelled,
        _ => ProviderBatchStatus.Unknown,
    };

    public static string VariantName(ContentVariant v) => v switch
    {
        ContentVariant.Thumbnail => "thumbnail",
        ContentVariant.Spritesheet => "spritesheet",
        _ => "video",
    };

    public static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);

    private static int ParseSeconds(string? s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? (int)Math.Round(v) : 0;

    private static DateTime? FromUnix(long? seconds) =>
        seconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s).UtcDateTime : null;
}
