namespace VideoHub.Domain.Audit;

/// <summary>The action names written to the audit log; the admin page filters on them.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "auth.sign-in";
    public const string SignInFailed = "auth.sign-in-failed";
    public const string LockedOut = "auth.locked-out";
    public const string SignedOut = "auth.sign-out";
    public const string PasswordChanged = "auth.password-changed";
    public const string TwoFactorEnabled = "auth.2fa-enabled";
    public const string TwoFactorDisabled = "auth.2fa-disabled";
    public const string AuthenticatorReset = "auth.authenticator-reset";
    public const string RecoveryCodesGenerated = "auth.recovery-codes-generated";

    public const string SetupCompleted = "system.setup";
    public const string AdminBootstrapped = "system.admin-bootstrapped";

    public const string UserCreated = "user.created";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string UserPasswordReset = "user.password-reset";
    public const string AdminGranted = "user.admin-granted";
    public const string AdminRevoked = "user.admin-revoked";

    public const string ProjectCreated = "project.created";
    public const string ProjectUpdated = "project.updated";
    public const string ProjectSettingsChanged = "project.settings-changed";
    public const string ProjectArchived = "project.archived";
    public const string ProjectRestored = "project.restored";
    public const string MemberAdded = "member.added";
    public const string MemberRoleChanged = "member.role-changed";
    public const string MemberRemoved = "member.removed";

    public const string ProviderCreated = "provider.created";
    public const string ProviderUpdated = "provider.updated";
    public const string ProviderEnabled = "provider.enabled";
    public const string ProviderDisabled = "provider.disabled";
    public const string ProviderKeyViewed = "provider.key-viewed";
    public const string ProviderConnectionTested = "provider.connection-tested";

    public const string PolicyRuleCreated = "policy.rule-created";
    public const string PolicyRuleUpdated = "policy.rule-updated";
    public const string PolicyRuleEnabled = "policy.rule-enabled";
    public const string PolicyRuleDisabled = "policy.rule-disabled";
    public const string PolicyRuleDeleted = "policy.rule-deleted";

    public const string RenderRequested = "render.requested";
    public const string RenderWarningAcknowledged = "render.warning-acknowledged";
    public const string RenderApproved = "render.approved";
    public const string RenderRejected = "render.rejected";
    public const string RenderCancelled = "render.cancelled";
    public const string RenderBlockOverridden = "render.block-overridden";

    public const string CatalogItemCreated = "catalog.item-created";
    public const string CatalogItemUpdated = "catalog.item-updated";
    public const string CatalogVersionAdded = "catalog.version-added";
    public const string CatalogRightsChanged = "catalog.rights-changed";
    public const string CatalogItemRetired = "catalog.item-retired";
    public const string CatalogRegistrationRetried = "catalog.registration-retried";
    public const string ReviewApproved = "review.approved";
    public const string ReviewChangesRequested = "review.changes-requested";
    public const string ReviewRejected = "review.rejected";
    public const string ReviewCommentResolved = "review.comment-resolved";
    public const string ReviewCommentReopened = "review.comment-reopened";
    public const string ReviewReportExported = "review.report-exported";
    public const string ReviewTakePicked = "review.take-picked";
    public const string ReviewTakeUnpicked = "review.take-unpicked";
    public const string ShareCreated = "share.created";
    public const string ShareRevoked = "share.revoked";
    public const string ShareOpened = "share.opened";
    public const string SharePasswordFailed = "share.password-failed";
    public const string CollectionCreated = "collection.created";
    public const string CollectionDeleted = "collection.deleted";
    public const string GalleryExported = "gallery.exported";
    public const string BatchCreated = "batch.created";
    public const string BatchPaused = "batch.paused";
    public const string BatchResumed = "batch.resumed";
    public const string BatchCancelled = "batch.cancelled";
    public const string BatchRetried = "batch.retried";
    public const string BatchApproved = "batch.approved";
    public const string BatchRejected = "batch.rejected";
    public const string BatchDownloaded = "batch.downloaded";
    public const string ApiTokenCreated = "api.token-created";
    public const string ApiTokenRevoked = "api.token-revoked";
    public const string WebhookCreated = "webhook.created";
    public const string WebhookDeleted = "webhook.deleted";
    public const string WebhookEnabled = "webhook.enabled";
    public const string WebhookDisabled = "webhook.disabled";
    public const string WebhookRedelivered = "webhook.redelivered";
    public const string WebhookHostAllowed = "webhook.host-allowed";
    public const string WebhookHostRemoved = "webhook.host-removed";
    public const string StoryboardCreated = "storyboard.created";
    public const string StoryboardChanged = "storyboard.changed";
    public const string StoryboardRendered = "storyboard.rendered";
    public const string SequenceJoined = "storyboard.sequence-joined";
}
