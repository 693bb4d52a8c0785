using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using VideoHub.Providers;
using VideoHub.Providers.Local;
using VideoHub.Providers.Webhooks;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Providers.Local;

/// <summary>The local provider's outgoing webhooks: signed per Standard Webhooks, retried with the same webhook-id.</summary>
public sealed class WebhookDeliveryTests
{
    private sealed record Delivery(string Id, string Timestamp, string Signature, byte[] Body);

    [Fact]
    public async Task FailedDelivery_IsRetriedWithTheSameWebhookId_AndEveryAttemptIsSigned()
    {
        var secret = StandardWebhooks.NewSecret();
        var received = new ConcurrentQueue<Delivery>();
        await using var receiver = await CannedServer.StartAsync(async (http, n) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            received.Enqueue(new Delivery(http.Request.Headers["webhook-id"]!, http.Request.Headers["webhook-timestamp"]!,
                http.Request.Headers["webhook-signature"]!, body.ToArray()));
            http.Response.StatusCode = n < 3 ? 503 : 204; // two failures, then accepted
        });
        var settings = LocalProviderServer.QuickSettings();
        settings["LocalProvider:Webhooks:0:Url"] = receiver.BaseUrl + "/hook";
        settings["LocalProvider:Webhooks:0:Secret"] = secret;
        settings["LocalProvider:WebhookRetryDelay"] = "00:00:00.050";
        var folder = Path.Combine(MediaFiles.TempFolder(), "provider"); // removed with the run's temp media
        await using var host = await LocalProviderHost.StartAsync(folder, settings);
        var client = TestClients.Create(host.BaseUrl, host.ApiKey, headers: new Dictionary<string, string> { [LocalFaults.Header] = "fail" });

        var video = (await client.CreateVideoAsync(new VideoCreateRequest("no render needed"))).GetValueOrThrow();
        await Polling.UntilAsync(() => Task.FromResult(received.Count), count => count >= 3);

        var attempts = received.ToList();
        Assert.Single(attempts.Select(a => a.Id).Distinct());
        Assert.All(attempts, a => Assert.Equal(WebhookVerification.Valid,
            StandardWebhooks.Verify(secret, a.Id, a.Timestamp, a.Signature, a.Body, DateTimeOffset.UtcNow)));
        var payload = JsonDocument.Parse(attempts[0].Body).RootElement;
        Assert.Equal("video.failed", payload.GetProperty("type").GetString());
        Assert.Equal(video.Id, payload.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal("event", payload.GetProperty("object").GetString());
        Assert.StartsWith("evt_", payload.GetProperty("id").GetString());
    }
}
