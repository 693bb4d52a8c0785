using System.Net;
using Microsoft.EntityFrameworkCore;
using VideoHub.Features.Api.Tokens;
using VideoHub.Features.Projects;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Api;

public sealed class ApiTokenTests : ApiTestBase
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Api:RatePermits"] = "3",
        ["Api:RateWindow"] = "00:10:00",
    };

    [Fact]
    public async Task Create_StoresOnlyTheHash_AndTheTokenAuthenticatesAsItsUser()
    {
        var token = await TokenAsync(Owner, name: "ci");
        Assert.StartsWith(ApiTokenService.TokenPrefix, token);
        var row = await App.DbAsync(db => db.ApiTokens.SingleAsync());
        Assert.Equal(ApiTokenService.Hash(token), row.TokenHash);
        Assert.DoesNotContain(token, row.TokenHash + row.Prefix + row.Name);
        Assert.Null(row.LastUsedAt);

        using var api = Client(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/projects/{ProjectId}")).StatusCode);
        Assert.NotNull((await App.DbAsync(db => db.ApiTokens.SingleAsync())).LastUsedAt);
    }

    [Fact]
    public async Task Revoke_StopsTheTokenAtOnce_AndOnlyItsOwnerOrAnAdminMayRevokeIt()
    {
        var token = await TokenAsync(Owner);
        var stranger = await UserAsync("stranger");
        var admin = await UserAsync("root", admin: true);
        using var api = Client(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/projects")).StatusCode);
        var id = await App.DbAsync(db => db.ApiTokens.Select(t => t.Id).SingleAsync());

        Assert.False((await WithServiceAsync<ApiTokenService, Result>(s => s.RevokeAsync(stranger, id))).Succeeded);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/projects")).StatusCode);
        Assert.Empty(await WithServiceAsync<ApiTokenService, IReadOnlyList<ApiTokenView>>(s => s.ListAllAsync(stranger)));

        var all = await WithServiceAsync<ApiTokenService, IReadOnlyList<ApiTokenView>>(s => s.ListAllAsync(admin));
        Assert.Equal(id, Assert.Single(all).Id);
        Assert.True((await WithServiceAsync<ApiTokenService, Result>(s => s.RevokeAsync(admin, id))).Succeeded);
        var refused = await api.GetAsync("/api/v1/projects");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString());
        Assert.Single(await App.AuditAsync(VideoHub.Domain.Audit.AuditActions.ApiTokenRevoked));
    }

    [Fact]
    public async Task Create_WithoutAName_OrExpiringInThePast_IsRefused()
    {
        Assert.False((await WithServiceAsync<ApiTokenService, Result<CreatedApiToken>>(s => s.CreateAsync(Owner, "  ", null))).Succeeded);
        Assert.False((await WithServiceAsync<ApiTokenService, Result<CreatedApiToken>>(
            s => s.CreateAsync(Owner, "old", DateTime.UtcNow.AddDays(-1)))).Succeeded);
        Assert.Equal(0, await App.DbAsync(db => db.ApiTokens.CountAsync()));
    }

    [Fact]
    public async Task TooManyCalls_Answer429WithRetryAfter_PerToken()
    {
        using var busy = Client(await TokenAsync(Owner, name: "busy"));
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/projects")).StatusCode);
        var limited = await busy.GetAsync("/api/v1/projects");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);

        using var other = Client(await TokenAsync(Owner, name: "other"));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/projects")).StatusCode);
    }
}
