using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Users;
using VideoHub.Features.Api.Tokens;
using VideoHub.Tests.Features.Rendering.Infrastructure;

namespace VideoHub.Tests.Features.Api;

/// <summary>The real app on a loopback port with the local provider; API calls go over real HTTP with real tokens.</summary>
public abstract class ApiTestBase : RenderingTestBase
{
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected Uri BaseAddress => new(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected async Task<string> TokenAsync(Actor user, DateTime? expiresAt = null, string name = "test script")
    {
        var created = await WithServiceAsync<ApiTokenService, VideoHub.Features.Projects.Result<CreatedApiToken>>(
            s => s.CreateAsync(user, name, expiresAt));
        Assert.True(created.Succeeded, created.Message);
        return created.Value!.Token;
    }

    protected HttpClient Client(string? token)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    protected static StringContent Body(object value) => JsonContent(JsonSerializer.Serialize(value, Json));

    protected static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    protected static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Body(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }
}
