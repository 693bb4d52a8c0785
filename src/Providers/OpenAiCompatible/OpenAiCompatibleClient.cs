using System.Net.Http.Headers;
using System.Net.Http.Json;
using VideoHub.Providers.OpenAiCompatible.Wire;

namespace VideoHub.Providers.OpenAiCompatible;

/// <summary>
/// The openai-compatible adapter: a typed client for every endpoint of the OpenAI Videos wire format
/// (reference/video-api.md), mapping answers to provider-neutral types and failures to <see cref="ProviderError"/>s.
/// </summary>
public sealed partial class OpenAiCompatibleClient(
    OpenAiEndpoint endpoint, HttpClient api, ContentStreamer content, ILogger<OpenAiCompatibleClient> log) : IVideoProvider
{
    public string ProviderId => endpoint.ProviderId;
    public OpenAiEndpoint Endpoint => endpoint;

    public Task<ProviderResult<ProviderVideo>> GetVideoAsync(string videoId, CancellationToken ct = default) =>
        SendAsync<VideoDto, ProviderVideo>(HttpMethod.Get, $"videos/{Id(videoId)}", null, null, ToVideo, ct);

    public Task<ProviderResult<ProviderVideoPage>> ListVideosAsync(VideoListQuery query, CancellationToken ct = default)
    {
        var path = $"videos?limit={Math.Clamp(query.Limit, 0, 100)}&order={(query.Order == ListOrder.Asc ? "asc" : "desc")}"
            + (query.After is null ? "" : $"&after={Id(query.After)}");
        return SendAsync<VideoListDto, ProviderVideoPage>(HttpMethod.Get, path, null, null,
            (d, _) => new ProviderVideoPage(d.Data.Select(v => WireMapping.ToVideo(v)).ToList(), d.FirstId, d.LastId, d.HasMore), ct);
    }

    public Task<ProviderResult<ProviderVideoDeleted>> DeleteVideoAsync(string videoId, CancellationToken ct = default) =>
        SendAsync<VideoDeletedDto, ProviderVideoDeleted>(HttpMethod.Delete, $"videos/{Id(videoId)}", null, null,
            (d, _) => new ProviderVideoDeleted(d.Id, d.Deleted), ct);

    public Task<ProviderResult<ContentDownload>> DownloadContentAsync(string videoId, ContentVariant variant,
        Stream destination, CancellationToken ct = default) =>
        DownloadAsync($"videos/{Id(videoId)}/content?variant={WireMapping.VariantName(variant)}", destination, ct);

    public Task<ProviderResult<ContentDownload>> DownloadFileContentAsync(string fileId, Stream destination,
        CancellationToken ct = default) =>
        DownloadAsync($"files/{Id(fileId)}/content", destination, ct);

    public Task<ProviderResult<ProviderVideo>> RemixVideoAsync(VideoRemixRequest request, CancellationToken ct = default) =>
        SendAsync<VideoDto, ProviderVideo>(HttpMethod.Post, $"videos/{Id(request.VideoId)}/remix",
            Json(new VideoRemixBody { Prompt = request.Prompt }), request.IdempotencyKey, ToVideo, ct);

    public Task<ProviderResult<ProviderVideo>> ExtendVideoAsync(VideoExtendRequest request, CancellationToken ct = default) =>
        SendAsync<VideoDto, ProviderVideo>(HttpMethod.Post, "videos/extensions", Json(new VideoExtendBody
        {
            Prompt = request.Prompt,
            Seconds = WireMapping.Seconds(request.Seconds),
            Video = new IdRef { Id = request.VideoId },
        }), request.IdempotencyKey, ToVideo, ct);

    public Task<ProviderResult<ProviderCharacter>> GetCharacterAsync(string characterId, CancellationToken ct = default) =>
        SendAsync<CharacterDto, ProviderCharacter>(HttpMethod.Get, $"videos/characters/{Id(characterId)}", null, null,
            (d, _) => WireMapping.ToCharacter(d), ct);

    private static ProviderVideo ToVideo(VideoDto dto, HttpResponseMessage response) =>
        WireMapping.ToVideo(dto, RetryAfterHeader.ReadPollAfter(response));

    private static string Id(string id) => Uri.EscapeDataString(id);

    private static JsonContent Json<T>(T body) => JsonContent.Create(body, options: WireJson.Requests);

    private HttpRequestMessage NewRequest(HttpMethod method, string path, HttpContent? body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(method, endpoint.Resolve(path)) { Content = body };
        if (!string.IsNullOrEmpty(endpoint.ApiKey))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", endpoint.ApiKey);
        if (!string.IsNullOrEmpty(idempotencyKey)) request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        foreach (var (name, value) in endpoint.Headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    private async Task<ProviderResult<TResult>> SendAsync<TDto, TResult>(HttpMethod method, string path, HttpContent? body,
        string? idempotencyKey, Func<TDto, HttpResponseMessage, TResult> map, CancellationToken ct) where TDto : class
    {
        using var request = NewRequest(method, path, body, idempotencyKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await api.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                var error = await ProviderErrorMapper.FromResponseAsync(response, ct);
                log.LogDebug("{Method} {Path} at {Provider}: {Error}", method, StripQuery(path), endpoint.ProviderId, error);
                return error;
            }
            var dto = await response.Content.ReadFromJsonAsync<TDto>(WireJson.Responses, ct);
            return dto is null
                ? new ProviderError(ProviderErrorKind.ProtocolError, "The provider answered with an empty body.")
                : map(dto, response);
        }
        catch (Exception ex) when (ProviderErrorMapper.TryMapException(ex, ct, out var error))
        {
            log.LogDebug("{Method} {Path} at {Provider}: {Error} ({Exception})", method, StripQuery(path),
                endpoint.ProviderId, error, ex.GetType().Name);
            return error;
        }
    }

    private async Task<ProviderResult<ContentDownload>> DownloadAsync(string path, Stream destination, CancellationToken ct)
    {
        using var request = NewRequest(HttpMethod.Get, path, null, null);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/binary"));
        try
        {
            return await content.DownloadAsync(request, destination, ct);
        }
        catch (Exception ex) when (ProviderErrorMapper.TryMapException(ex, ct, out var error))
        {
            log.LogDebug("Download {Path} from {Provider}: {Error} ({Exception})", StripQuery(path), endpoint.ProviderId,
                error, ex.GetType().Name);
            return error;
        }
    }

    private static string StripQuery(string path) => path.Split('?')[0];
}
