using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Batches.Export;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Batches;

/// <summary>
/// Provider batch mode against the mounted local provider over real HTTP: JSONL upload, batch create, poll, output
/// mapped back by custom id, every take downloaded; and the batch's zip and CSV report through the real endpoints.
/// </summary>
public sealed class ProviderBatchTests : BatchTestBase
{
    [Fact]
    public async Task ProviderBatch_UploadsCreatesPollsAndMapsBack_ThenDownloadsEveryTake_AtTheBatchPrice()
    {
        var batchId = await StartedAsync(Rows("pb", 3), BatchMode.Provider);

        var rows = await SweepBatchAsync(batchId);

        var batch = await BatchAsync(batchId);
        Assert.Equal(BatchStatus.Completed, batch.Status);
        Assert.StartsWith("batch_", batch.ProviderBatchId);
        Assert.NotNull(batch.ProviderInputFileId);
        Assert.NotNull(batch.ProviderMappedAt);
        Assert.Equal("completed", batch.ProviderStatus);
        Assert.All(rows, r => Assert.Equal(RenderState.Ready, r.State));
        Assert.All(rows, r => Assert.Equal(4 * 0.05m, r.EstimatedCostUsd));
        Assert.All(rows, r => Assert.Contains(r.Events, e => e.Message?.Contains(batch.ProviderBatchId!) == true));
        for (var i = 1; i <= 3; i++)
        {
            var job = Assert.Single(await ProviderJobsAsync($"pb take {i}"));
            Assert.Equal(job.Id, rows.Single(r => r.BatchCustomId == $"pb-{i}").ProviderJobId);
        }
        var takes = await App.DbAsync(db => db.Videos.AsNoTracking().Where(v => v.ProjectId == ProjectId).ToListAsync());
        Assert.Equal(3, takes.Count);
        Assert.All(takes, t => Assert.True(File.Exists(Path.Combine(MediaPath, t.VideoKey))));
    }

    [Fact]
    public async Task ProviderBatch_CancelledWhileAtTheProvider_EndsCancelled_AndNothingIsLeftQueued()
    {
        var batchId = await StartedAsync(Rows("pbc", 4), BatchMode.Provider);
        await SweepBatchAsync(batchId, (_, b) => b.ProviderBatchId is not null);

        Assert.True((await BatchesAsync(s => s.CancelAsync(Owner, batchId))).Succeeded);
        var rows = await SweepBatchAsync(batchId, (rows, b) => b.ProviderMappedAt is not null && rows.All(r => RenderStateMachine.IsTerminal(r.State)));

        Assert.Equal(BatchStatus.Cancelled, (await BatchAsync(batchId)).Status);
        Assert.All(rows, r => Assert.Contains(r.State, new[] { RenderState.Cancelled, RenderState.Ready }));
        Assert.Contains(rows, r => r.State == RenderState.Cancelled);
    }

    [Fact]
    public async Task Downloads_GiveMembersAZipOfTheTakesAndACsvReport_AndStrangersA404()
    {
        var batchId = await StartedAsync(Rows("zip", 2));
        await SweepBatchAsync(batchId);
        await App.CreateUserAsync("stranger@example.com");
        using var member = await SignedInAsync("owner@example.com");
        using var stranger = await SignedInAsync("stranger@example.com");

        using var zipResponse = await member.GetAsync(BatchDownloads.TakesUrl(ProjectId, batchId));
        var report = await member.GetStringAsync(BatchDownloads.ReportUrl(ProjectId, batchId));
        using var refused = await stranger.GetAsync(BatchDownloads.TakesUrl(ProjectId, batchId));

        Assert.Equal(HttpStatusCode.OK, zipResponse.StatusCode);
        Assert.Equal("application/zip", zipResponse.Content.Headers.ContentType?.MediaType);
        await using var zipStream = await zipResponse.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(zipStream, ZipArchiveMode.Read);
        Assert.Equal(["zip-1.mp4", "zip-2.mp4"], zip.Entries.Select(e => e.FullName).Order());
        var takes = await App.DbAsync(db => db.Videos.AsNoTracking().Where(v => v.ProjectId == ProjectId).ToListAsync());
        Assert.Equal(takes.Select(t => t.Bytes).Order(), zip.Entries.Select(e => e.Length).Order());
        var lines = report.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("line,custom_id,attempt,state", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("2,zip-1,1,Ready,", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    /// <summary>
    /// A signed-in client of the real Kestrel server this app listens on. Built by hand: the factory's clients for a
    /// Kestrel-hosted app follow redirects whatever their options say, so the login's 302 would not be seen.
    /// </summary>
    private async Task<HttpClient> SignedInAsync(string email)
    {
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        var client = new HttpClient(handler) { BaseAddress = new Uri(address) };
        var response = await BrowserlessSignIn.PostLoginAsync(client, email, TestPasswords.Default);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
