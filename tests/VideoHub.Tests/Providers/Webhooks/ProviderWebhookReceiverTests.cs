using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Data;
using VideoHub.Domain.Users;
using VideoHub.Providers.Settings;
using VideoHub.Providers.Webhooks;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Providers.Webhooks;

/// <summary>POST /webhooks/providers/{id} in the real app: verified, deduplicated, recorded as a due poll, nothing else.</summary>
public sealed class ProviderWebhookReceiverTests : IAsyncLifetime
{
    private readonly VideoHubFactory factory = new();
    private readonly string secret = StandardWebhooks.NewSecret();
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        client = factory.AnonymousClient(); // no cookie, no antiforgery token: a machine caller
        using var scope = factory.Services.CreateScope();
        var settings = scope.ServiceProvider.GetRequiredService<ProviderSettingsService>();
        var local = (await settings.GetAsync(Admin, "local"))!;
        var edit = ProviderEdit.From(local);
        edit.WebhookSecret = secret;
        Assert.True((await settings.SaveAsync(Admin, edit)).Succeeded);
    }

    private static readonly Actor Admin = new("admin-id", "admin", IsAdmin: true);

    [Fact]
    public async Task ValidDelivery_IsAccepted_AndMarksTheVideoDueForAPoll()
    {
        var response = await SendAsync(Event("video.completed", "video_abc"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var inbox = factory.Services.GetRequiredService<ProviderWebhookInbox>();
        Assert.True(await inbox.IsDueAsync("local", "video_abc"));
        var pending = Assert.Single(await inbox.PendingAsync(10));
        Assert.Equal(("video.completed", "video_abc"), (pending.EventType, pending.ObjectId));

        await inbox.MarkProcessedAsync("local", "video_abc");
        Assert.False(await inbox.IsDueAsync("local", "video_abc"));
    }

    [Fact]
    public async Task Replay_OfTheSameWebhookId_IsAnsweredButRecordedOnce()
    {
        var body = Event("video.failed", "video_def");
        var id = "msg_" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(body, id: id)).StatusCode);
        var replay = await SendAsync(body, id: id);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("duplicate", await replay.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task Forged_Stale_Future_Malformed_AndTamperedDeliveries_AreRejectedAndNothingIsRecorded()
    {
        var body = Event("video.completed", "video_forged");
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(body, signWith: StandardWebhooks.NewSecret())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(body, at: now.AddSeconds(-330))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(body, at: now.AddSeconds(330))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(body, omitSignature: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(body, tamper: true)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(Encoding.UTF8.GetBytes("not json"))).StatusCode);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task SeveralSignatures_OneOfThemValid_IsAccepted()
    {
        var response = await SendAsync(Event("video.completed", "video_rotated"), extraSignature: "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownProvider_OrProviderWithoutSecret_IsNotFound()
    {
        var body = Event("video.completed", "video_x");
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(body, provider: "nobody")).StatusCode);
    }

    private static byte[] Event(string type, string videoId) => Encoding.UTF8.GetBytes(
        $$$"""{"id":"evt_{{{Guid.NewGuid():N}}}","object":"event","created_at":1758941485,"type":"{{{type}}}","data":{"id":"{{{videoId}}}"}}""");

    private Task<HttpResponseMessage> SendAsync(byte[] body, string? id = null, DateTimeOffset? at = null, string? signWith = null,
        bool omitSignature = false, bool tamper = false, string? extraSignature = null, string provider = "local")
    {
        id ??= "msg_" + Guid.NewGuid().ToString("N");
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var signature = StandardWebhooks.Sign(signWith ?? secret, id, timestamp, body);
        var sent = tamper ? body.Select((b, i) => i == 10 ? (byte)(b ^ 1) : b).ToArray() : body;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/providers/{provider}") { Content = new ByteArrayContent(sent) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!omitSignature) request.Headers.Add("webhook-signature", extraSignature is null ? signature : $"{extraSignature} {signature}");
        return client.SendAsync(request);
    }

    private async Task<int> CountAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        return await db.ProviderWebhookDeliveries.CountAsync();
    }

    public Task DisposeAsync()
    {
        client.Dispose();
        factory.Dispose();
        return Task.CompletedTask;
    }
}
