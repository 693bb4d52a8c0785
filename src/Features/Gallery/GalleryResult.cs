namespace VideoHub.Features.Gallery;

/// <summary>The outcome of a gallery change: a value, a message for the form, or "not found" (also for "not allowed to see").</summary>
public sealed record GalleryResult<T>(bool Succeeded, T? Value, string? Error, bool IsNotFound = false)
{
    public const string NotFoundMessage = "This does not exist, or you do not have access to it.";

    public static GalleryResult<T> Ok(T value) => new(true, value, null);
    public static GalleryResult<T> Invalid(string message) => new(false, default, message);
    public static GalleryResult<T> NotFound() => new(false, default, NotFoundMessage, true);
}
