namespace VideoHub.Features.Projects;

public enum ResultStatus
{
    Ok,
    /// <summary>The input broke a rule; <see cref="Result.Errors"/> says which field and why.</summary>
    Invalid,
    /// <summary>The user may see the thing but their role does not allow the change.</summary>
    Forbidden,
    /// <summary>The thing does not exist or the user may not see it (both answer alike).</summary>
    NotFound,
}

/// <summary>
/// The outcome of a change. Expected failures are values, not exceptions. Errors are keyed by the input field's
/// name; <see cref="GeneralKey"/> holds a message that belongs to no single field.
/// </summary>
public class Result
{
    public const string GeneralKey = "";

    protected Result(ResultStatus status, IReadOnlyDictionary<string, string> errors)
    {
        Status = status;
        Errors = errors;
    }

    public ResultStatus Status { get; }
    public IReadOnlyDictionary<string, string> Errors { get; }
    public bool Succeeded => Status == ResultStatus.Ok;

    /// <summary>The message for one field, or null; handy for a form field's ErrorText.</summary>
    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    /// <summary>Every message joined, for a snackbar.</summary>
    public string Message => string.Join(" ", Errors.Values);

    public static Result Ok() => new(ResultStatus.Ok, Empty);
    public static Result Invalid(IReadOnlyDictionary<string, string> errors) => new(ResultStatus.Invalid, errors);
    public static Result Invalid(string field, string message) => Invalid(new Dictionary<string, string> { [field] = message });
    public static Result Forbidden(string message) => new(ResultStatus.Forbidden, General(message));
    public static Result NotFound() => new(ResultStatus.NotFound, General(NotFoundMessage));

    protected const string NotFoundMessage = "This project does not exist, or you do not have access to it.";
    protected static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
    protected static IReadOnlyDictionary<string, string> General(string message) =>
        new Dictionary<string, string> { [GeneralKey] = message };
}

/// <summary>A <see cref="Result"/> that carries a value when it succeeds.</summary>
public sealed class Result<T> : Result
{
    private Result(ResultStatus status, IReadOnlyDictionary<string, string> errors, T? value) : base(status, errors) =>
        Value = value;

    public T? Value { get; }

    public static Result<T> Ok(T value) => new(ResultStatus.Ok, Empty, value);
    public static new Result<T> Invalid(IReadOnlyDictionary<string, string> errors) => new(ResultStatus.Invalid, errors, default);
    public static new Result<T> Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string> { [field] = message });
    public static new Result<T> Forbidden(string message) => new(ResultStatus.Forbidden, General(message), default);
    public static Result<T> NotFound(string message = NotFoundMessage) => new(ResultStatus.NotFound, General(message), default);
}
