namespace VideoHub.Tests.Security;

public enum Who { Owner, Editor, Reviewer, Viewer, NonMember, Admin, Anonymous }

/// <summary>Who may open each route. "200" = allowed; "404" = answered as if it did not exist; "302 /x" = sent to x.</summary>
public sealed record AccessRule(string Method, Func<Who, string> Expect);

public static class AccessMatrix
{
    private const string ToLogin = "302 /Account/Login";

    private static AccessRule Page(Func<Who, string> expect) => new("GET", expect);

    private static readonly AccessRule Anyone = Page(_ => "200");
    private static readonly AccessRule SignedIn = Page(w => w == Who.Anonymous ? ToLogin : "200");
    private static readonly AccessRule ProjectMembers = Page(w => w switch
    {
        Who.Anonymous => ToLogin,
        Who.NonMember => "404",
        _ => "200",
    });
    private static readonly AccessRule ProjectOwners = Page(w => w switch
    {
        Who.Anonymous => ToLogin,
        Who.Owner or Who.Admin => "200",
        _ => "404",
    });
    /// <summary>Pages for people who request renders: Editors and Owners of the project, and Admins.</summary>
    private static readonly AccessRule ProjectEditors = Page(w => w switch
    {
        Who.Anonymous => ToLogin,
        Who.Owner or Who.Editor or Who.Admin => "200",
        _ => "404",
    });
    /// <summary>The catalog's editing pages: Editors and Owners of any project, and Admins.</summary>
    private static readonly AccessRule CatalogEditors = ProjectEditors;
    private static readonly AccessRule Admins = Page(w => w switch
    {
        Who.Anonymous => ToLogin,
        Who.Admin => "200",
        _ => "404",
    });
    /// <summary>Pages of the two-factor sign-in flow: without a pending sign-in they send you back to sign in.</summary>
    private static readonly AccessRule SignInFlow = Page(_ => ToLogin);
    /// <summary>Pages that only make sense with two-factor sign-in on: otherwise they send you to turn it on.</summary>
    private static readonly AccessRule TwoFactorOnly =
        Page(w => w == Who.Anonymous ? ToLogin : "302 /Account/Manage/TwoFactorAuthentication");
    /// <summary>First-run setup exists only while there are no users.</summary>
    private static readonly AccessRule SetupDone = Page(_ => "404");
    /// <summary>Not a page: a form post, checked by its own test.</summary>
    private static AccessRule Post(string checkedBy) => new("POST", _ => checkedBy);
    /// <summary>
    /// Machine-to-machine API authenticated by its own credential (a Bearer key, a webhook signature), never by
    /// the sign-in cookie: without that credential every kind of user gets the same answer.
    /// </summary>
    private static AccessRule Machine(string withoutCredential) => new("API", _ => withoutCredential);
    private static readonly AccessRule LocalProviderApi = Machine("401");
    private static readonly AccessRule Api = Machine("401");
    /// <summary>A take's files: project members (of the take's project) only; the matrix test seeds a take to ask for.</summary>
    private static readonly AccessRule ProjectMedia = ProjectMembers;
    /// <summary>A collection shows to the members of the projects whose takes it holds (the matrix seeds one with the project's take).</summary>
    private static readonly AccessRule CollectionViewers = ProjectMembers;
    /// <summary>Public share links: no sign-in; the matrix seeds a live link. Expiry, password and revocation: ShareLinkTests.</summary>
    private static readonly AccessRule ShareLinkHolders = Anyone;

    public static readonly IReadOnlyDictionary<string, AccessRule> Routes = new Dictionary<string, AccessRule>
    {
        ["/"] = SignedIn,
        ["/not-found"] = Page(_ => "200"),
        ["/Error"] = Page(_ => "200"),
        ["/setup"] = SetupDone,
        ["/healthz"] = Anyone,

        ["/projects"] = SignedIn,
        ["/projects/{Id:guid}"] = ProjectMembers,
        ["/projects/{Id:guid}/members"] = ProjectMembers,
        ["/projects/{Id:guid}/settings"] = ProjectOwners,
        ["/projects/{Id:guid}/requests"] = ProjectMembers,
        ["/projects/{Id:guid}/requests/new"] = ProjectEditors,
        // Asked with a real request of the project (the seeded take's), so 200 means the page really rendered it.
        ["/projects/{Id:guid}/requests/{RequestId:guid}"] = ProjectMembers,
        ["/projects/{Id:guid}/approvals"] = ProjectOwners,
        ["/requests"] = SignedIn,
        ["/projects/{Id:guid}/batches"] = ProjectMembers,
        ["/projects/{Id:guid}/batches/new"] = ProjectEditors,
        // Asked with a real batch of the project (seeded by the matrix test).
        ["/projects/{Id:guid}/batches/{BatchId:guid}"] = ProjectMembers,
        ["/projects/{Id:guid}/batches/{BatchId:guid}/download/takes"] = ProjectMembers,
        ["/projects/{Id:guid}/batches/{BatchId:guid}/download/report"] = ProjectMembers,

        // Review: the queue is everyone's own; a take's review page, compare, and the report belong to project members.
        ["/review"] = SignedIn,
        ["/projects/{Id:guid}/takes/{videoId:guid}/review"] = ProjectMembers,
        ["/projects/{Id:guid}/compare"] = ProjectMembers,
        ["/projects/{Id:guid}/review-report"] = ProjectMembers,
        ["/projects/{Id:guid}/review-report/csv"] = ProjectMembers,

        // The catalog is shared across projects: every signed-in user browses it; editing needs an Editor role somewhere.
        ["/catalog"] = SignedIn,
        ["/catalog/new"] = CatalogEditors,
        ["/catalog/{ItemId:guid}"] = SignedIn,
        ["/media/catalog/{versionId:guid}/{file}"] = SignedIn,
        // Lineage: asked with the seeded take and a storyboard of the project.
        ["/projects/{Id:guid}/takes/{videoId:guid}/lineage"] = ProjectMembers,
        ["/projects/{Id:guid}/takes/{videoId:guid}/remix"] = ProjectEditors,
        ["/projects/{Id:guid}/takes/{videoId:guid}/edit"] = ProjectEditors,
        ["/projects/{Id:guid}/takes/{videoId:guid}/extend"] = ProjectEditors,
        ["/projects/{Id:guid}/storyboards"] = ProjectMembers,
        ["/projects/{Id:guid}/storyboards/{StoryboardId:guid}"] = ProjectMembers,

        ["/admin/users"] = Admins,
        ["/admin/providers"] = Admins,
        ["/admin/audit"] = Admins,
        ["/admin/system"] = Admins,
        ["/admin/policy"] = Admins,
        ["/admin/tokens"] = Admins,
        ["/admin/webhooks"] = Admins,
        ["/profile/tokens"] = SignedIn,
        ["/projects/{Id:guid}/webhooks"] = ProjectOwners,

        ["/Account/Login"] = Anyone,
        ["/Account/Lockout"] = Anyone,
        ["/Account/AccessDenied"] = Anyone,
        ["/Account/InvalidUser"] = Anyone,
        ["/Account/LoginWith2fa"] = SignInFlow,
        ["/Account/LoginWithRecoveryCode"] = SignInFlow,
        ["/Account/Manage"] = SignedIn,
        ["/Account/Manage/ChangePassword"] = SignedIn,
        ["/Account/Manage/TwoFactorAuthentication"] = SignedIn,
        ["/Account/Manage/EnableAuthenticator"] = SignedIn,
        ["/Account/Manage/Disable2fa"] = TwoFactorOnly,
        ["/Account/Manage/GenerateRecoveryCodes"] = TwoFactorOnly,
        ["/Account/Manage/ResetAuthenticator"] = SignedIn,
        ["/Account/Logout"] = Post("LoginTests.SignOut_WithoutAntiforgeryToken_IsRefused"),

        ["/media/videos/{videoId:guid}/{variant}"] = ProjectMedia,

        ["/gallery"] = SignedIn,
        // Without ids there is nothing to download; a selection's rights: GalleryExportTests.
        ["/gallery/download"] = Page(w => w == Who.Anonymous ? ToLogin : "404"),
        ["/collections"] = SignedIn,
        ["/collections/{CollectionId:guid}"] = CollectionViewers,
        ["/projects/{Id:guid}/takes/{VideoId:guid}"] = ProjectMembers,
        ["/projects/{Id:guid}/shares"] = ProjectEditors,
        ["/share/{Token}"] = ShareLinkHolders,
        ["/share/{token}/media/{videoId:guid}/{variant}"] = ShareLinkHolders,
        ["/share/{token}/unlock"] = Post("ShareLinkTests.WrongPasswords_AreRateLimited_AndTheRightOneUnlocksEveryVariant"),

        // The unknown provider id answers 404; a known one without signature headers 400 (ProviderWebhookReceiverTests).
        ["/webhooks/providers/{providerId}"] = Machine("404"),
        ["/local-provider/v1/videos"] = LocalProviderApi,
        ["/local-provider/v1/videos/{videoId}"] = LocalProviderApi,
        ["/local-provider/v1/videos/{videoId}/content"] = LocalProviderApi,
        ["/local-provider/v1/videos/{videoId}/remix"] = LocalProviderApi,
        ["/local-provider/v1/videos/edits"] = LocalProviderApi,
        ["/local-provider/v1/videos/extensions"] = LocalProviderApi,
        ["/local-provider/v1/videos/characters"] = LocalProviderApi,
        ["/local-provider/v1/videos/characters/{characterId}"] = LocalProviderApi,
        ["/local-provider/v1/files"] = LocalProviderApi,
        ["/local-provider/v1/files/{fileId}"] = LocalProviderApi,
        ["/local-provider/v1/files/{fileId}/content"] = LocalProviderApi,
        ["/local-provider/v1/batches"] = LocalProviderApi,
        ["/local-provider/v1/batches/{batchId}"] = LocalProviderApi,
        ["/local-provider/v1/batches/{batchId}/cancel"] = LocalProviderApi,
        ["/local-provider/v1/{**path}"] = LocalProviderApi,

        // The REST API takes only a Bearer token: a signed-in browser gets 401 like anyone (ApiAccessMatrixTests checks tokens).
        ["/api/v1/projects"] = Api,
        ["/api/v1/projects/{projectId:guid}"] = Api,
        ["/api/v1/projects/{projectId:guid}/members"] = Api,
        ["/api/v1/projects/{projectId:guid}/precheck"] = Api,
        ["/api/v1/projects/{projectId:guid}/render-requests"] = Api,
        ["/api/v1/render-requests/{requestId:guid}"] = Api,
        ["/api/v1/render-requests/{requestId:guid}/cancel"] = Api,
        ["/api/v1/takes/{takeId:guid}"] = Api,
        ["/api/v1/takes/{takeId:guid}/{variant}"] = Api,
        ["/api/v1/takes"] = Api,
        ["/api/v1/takes/{takeId:guid}/comments"] = Api,
        ["/api/v1/takes/{takeId:guid}/review"] = Api,
        ["/api/v1/takes/{takeId:guid}/decisions"] = Api,
        ["/api/v1/takes/{takeId:guid}/remix"] = Api,
        ["/api/v1/takes/{takeId:guid}/edit"] = Api,
        ["/api/v1/takes/{takeId:guid}/extend"] = Api,
        ["/api/v1/takes/{takeId:guid}/lineage"] = Api,
        ["/api/v1/projects/{projectId:guid}/batches"] = Api,
        ["/api/v1/projects/{projectId:guid}/batches/{batchId:guid}"] = Api,
        ["/api/v1/projects/{projectId:guid}/batches/{batchId:guid}/rows"] = Api,
        ["/api/v1/projects/{projectId:guid}/batches/{batchId:guid}/cancel"] = Api,
        ["/api/v1/catalog/items"] = Api,
        ["/api/v1/catalog/items/{itemId:guid}"] = Api,
        // The API reference page is public documentation, like /openapi/v1.json (not listed: a file route).
        ["/api/reference/{documentName?}"] = Anyone,
    };

    /// <summary>Framework plumbing (the Blazor hub, static files) is not the application's to decide.</summary>
    public static bool IsApplicationRoute(string route) =>
        !route.StartsWith("/_blazor", StringComparison.Ordinal) &&
        !route.StartsWith("/_framework", StringComparison.Ordinal) &&
        !route.StartsWith("/_content", StringComparison.Ordinal) &&
        !route.Contains('.', StringComparison.Ordinal) &&
        route != "/{**path:file}";
}
