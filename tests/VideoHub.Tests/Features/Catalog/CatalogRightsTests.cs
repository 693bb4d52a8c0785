using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Catalog;
using VideoHub.Domain.Projects;
using VideoHub.Features.Catalog;

namespace VideoHub.Tests.Features.Catalog;

/// <summary>Who may create, edit and change rights, and how rights decide which projects may use an item.</summary>
public sealed class CatalogRightsTests : CatalogTestBase
{
    [Fact]
    public async Task Create_ByUserWhoIsNoEditorAnywhere_IsRefused()
    {
        var viewer = await UserAsync("viewer");
        await ProjectAsync(Editor, "Viewed", (viewer, ProjectRole.Viewer));
        var clip = await StageGoodClipAsync(viewer);
        var result = await CatalogAsync(s => s.CreateAsync(viewer, NewItem("Nova", clip.Token)));
        Assert.Contains("Only Editors and Owners", result.Error);
        Assert.False(await CatalogAsync(s => s.CanEditAsync(viewer)));
        Assert.Equal(0, await DbAsync(db => db.CatalogItems.CountAsync()));
    }

    [Fact]
    public async Task ChangeRights_ByAnotherEditor_IsRefused_ByTheOwnerOrAnAdmin_IsRecordedAndAudited()
    {
        var other = await UserAsync("other");
        var admin = await UserAsync("admin", admin: true);
        await ProjectAsync(other, "Other's");
        var id = (await CatalogAsync(async s => await s.CreateAsync(Editor, NewItem("Nova", (await StageGoodClipAsync(Editor)).Token)))).Value;
        var restricted = new CatalogRightsInput { RightsHolder = "Nova Studio", AvailableToAllProjects = false, AllowedProjectIds = [ProjectId] };

        var refused = await CatalogAsync(s => s.ChangeRightsAsync(other, id, restricted));
        Assert.Contains("owner or an Admin", refused.Error);
        Assert.True((await CatalogAsync(s => s.UpdateAsync(other, id, new CatalogItemInput { Name = "Nova", Description = "edited by another editor" }))).Succeeded);

        Assert.True((await CatalogAsync(s => s.ChangeRightsAsync(Editor, id, restricted))).Succeeded);
        Assert.True((await CatalogAsync(s => s.ChangeRightsAsync(admin, id, new CatalogRightsInput { RightsHolder = "New Holder" }))).Succeeded);

        var details = (await CatalogAsync(s => s.GetAsync(other, id)))!;
        Assert.False(details.CanChangeRights);
        Assert.Equal("New Holder", details.RightsHolder);
        Assert.Equal(3, details.RightsHistory.Count);
        Assert.Equal("admin", details.RightsHistory[0].ByName);
        Assert.Equal(2, await DbAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.CatalogRightsChanged)));
    }

    [Fact]
    public async Task Suggestions_OnlyOfferItemsWhoseRightsCoverTheProjectAndHaveNotExpired()
    {
        var elsewhere = await ProjectAsync(Editor, "Elsewhere");
        await CatalogSeeder.SeedAsync(App.Services, Editor.UserId, "Nova", [1], [1]);
        await CatalogSeeder.SeedAsync(App.Services, Editor.UserId, "Nimbus", [1], [1], i => i.RightsExpireAt = DateTime.UtcNow.Date.AddDays(-1));
        await CatalogSeeder.SeedAsync(App.Services, Editor.UserId, "Nell", [1], [1], i =>
        {
            i.AvailableToAllProjects = false;
            i.AllowedProjects.Add(new CatalogItemProject { CatalogItemId = i.Id, ProjectId = elsewhere });
        });

        var here = await CatalogAsync(s => s.SuggestAsync(Editor, ProjectId, "n"));
        Assert.Equal(["Nova"], here.Select(s => s.Name));
        var there = await CatalogAsync(s => s.SuggestAsync(Editor, elsewhere, "N"));
        Assert.Equal(["Nell", "Nova"], there.Select(s => s.Name));
        var stranger = await UserAsync("stranger");
        Assert.Empty(await CatalogAsync(s => s.SuggestAsync(stranger, ProjectId, "")));

        var expired = await CatalogAsync(s => s.ListAsync(Editor, new CatalogQuery { Rights = RightsStatus.Expired }));
        Assert.Equal(["Nimbus"], expired.Items.Select(i => i.Name));
        var available = await CatalogAsync(s => s.ListAsync(Editor, new CatalogQuery { AvailableTo = ProjectId }));
        Assert.Equal(["Nova"], available.Items.Select(i => i.Name));
        var tagged = await CatalogAsync(s => s.ListAsync(Editor, new CatalogQuery { Search = "nel", PageSize = 1 }));
        Assert.Equal((1, "Nell"), (tagged.Total, tagged.Items.Single().Name));
    }

    [Fact]
    public async Task Retire_KeepsTheItemAndItsHistory_ButTakesItOutOfTheGrid()
    {
        var id = (await CatalogAsync(async s => await s.CreateAsync(Editor, NewItem("Nova", (await StageGoodClipAsync(Editor)).Token)))).Value;
        var other = await UserAsync("other");
        Assert.Contains("owner or an Admin", (await CatalogAsync(s => s.RetireAsync(other, id))).Error);
        Assert.True((await CatalogAsync(s => s.RetireAsync(Editor, id))).Succeeded);
        Assert.Equal(0, (await CatalogAsync(s => s.ListAsync(Editor, new CatalogQuery()))).Total);
        Assert.Equal(1, (await CatalogAsync(s => s.ListAsync(Editor, new CatalogQuery { IncludeRetired = true }))).Total);
        var details = (await CatalogAsync(s => s.GetAsync(Editor, id)))!;
        Assert.True(details.IsRetired);
        Assert.Single(details.Versions);
        Assert.False(details.CanEdit);
    }
    [Fact]
    public async Task Create_WithRightsThatAlreadyExpired_SaysWhyAndStoresNothing()
    {
        var clip = await StageGoodClipAsync(Editor);
        var result = await CatalogAsync(s => s.CreateAsync(Editor, NewItem("Nova", clip.Token, r => r.RightsExpireAt = DateTime.UtcNow.Date.AddDays(-1))));
        Assert.Equal("rightsExpiry", result.Field);
        Assert.Contains("is in the past", result.Error);
        Assert.Equal(0, await DbAsync(db => db.CatalogItems.CountAsync()));
        Assert.Equal(0, FilesUnder(MediaCatalogFolder));
        Assert.Equal(0, await DbAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.CatalogItemCreated)));
    }

    [Fact]
    public async Task ChangeRights_ToADatePast_IsRefused_ButAnItemWhoseRightsRanOutKeepsItsDateOnOtherChanges()
    {
        var id = (await CatalogAsync(async s => await s.CreateAsync(Editor, NewItem("Nova", (await StageGoodClipAsync(Editor)).Token)))).Value;
        var yesterday = DateTime.UtcNow.Date.AddDays(-1);

        var refused = await CatalogAsync(s => s.ChangeRightsAsync(Editor, id, new CatalogRightsInput { RightsHolder = "Nova Studio", RightsExpireAt = yesterday }));
        Assert.Equal("rightsExpiry", refused.Field);
        Assert.Null((await CatalogAsync(s => s.GetAsync(Editor, id)))!.RightsExpireAt);
        Assert.Single((await CatalogAsync(s => s.GetAsync(Editor, id)))!.RightsHistory);

        // Rights that ran out since: the holder can still be corrected without inventing a new date.
        await DbAsync(async db => await db.CatalogItems.Where(i => i.Id == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.RightsExpireAt, yesterday)));
        var fixedHolder = await CatalogAsync(s => s.ChangeRightsAsync(Editor, id, new CatalogRightsInput { RightsHolder = "Nova Studio Ltd", RightsExpireAt = yesterday }));
        Assert.True(fixedHolder.Succeeded, fixedHolder.Error);
        var details = (await CatalogAsync(s => s.GetAsync(Editor, id)))!;
        Assert.Equal(("Nova Studio Ltd", RightsStatus.Expired), (details.RightsHolder, details.Rights));
    }
}
