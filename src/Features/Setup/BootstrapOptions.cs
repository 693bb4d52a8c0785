namespace VideoHub.Features.Setup;

/// <summary>
/// An admin account created at start-up while no admin exists (env Bootstrap__AdminEmail, Bootstrap__AdminPassword),
/// for deployments that cannot click through /setup.
/// </summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string AdminEmail { get; set; } = "";
    public string AdminPassword { get; set; } = "";

    public override string ToString() => $"AdminEmail={AdminEmail}, AdminPassword=***";
}
