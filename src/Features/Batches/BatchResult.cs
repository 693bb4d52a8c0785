namespace VideoHub.Features.Batches;

public enum BatchOutcome { Ok, Invalid, NotFound, Forbidden, Conflict }

/// <summary>The outcome of a batch change; expected failures are values with a message for the page.</summary>
public sealed record BatchResult<T>(BatchOutcome Outcome, T? Value, string? Message)
{
    public bool Succeeded => Outcome == BatchOutcome.Ok;
    public static BatchResult<T> Ok(T value, string? message = null) => new(BatchOutcome.Ok, value, message);
    public static BatchResult<T> Invalid(string message) => new(BatchOutcome.Invalid, default, message);
    public static BatchResult<T> NotFound() => new(BatchOutcome.NotFound, default, "This batch does not exist, or you do not have access to it.");
    public static BatchResult<T> Forbidden(string message) => new(BatchOutcome.Forbidden, default, message);
    public static BatchResult<T> Conflict(string message) => new(BatchOutcome.Conflict, default, message);
}
