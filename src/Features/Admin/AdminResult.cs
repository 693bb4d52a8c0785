namespace VideoHub.Features.Admin;

/// <summary>The outcome of an admin action: a sentence for the snackbar, and messages for form fields when input was wrong.</summary>
public sealed record AdminResult(bool Succeeded, string Message, IReadOnlyDictionary<string, string> FieldErrors)
{
    private static readonly IReadOnlyDictionary<string, string> NoFieldErrors = new Dictionary<string, string>();

    public static AdminResult Ok(string message) => new(true, message, NoFieldErrors);

    public static AdminResult Fail(string message, IReadOnlyDictionary<string, string>? fieldErrors = null) =>
        new(false, message, fieldErrors ?? NoFieldErrors);

    public static AdminResult NotAllowed { get; } = Fail("Only an administrator can do this.");

    public string? ErrorFor(string field) => FieldErrors.GetValueOrDefault(field);
}
