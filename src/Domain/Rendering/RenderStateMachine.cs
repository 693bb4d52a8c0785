namespace VideoHub.Domain.Rendering;

/// <summary>
/// Every allowed move of a render request (DESIGN §3). Anything not listed is refused, so a job or a page can
/// never put a row into a state it cannot leave correctly.
/// </summary>
public static class RenderStateMachine
{
    private static readonly Dictionary<RenderState, RenderState[]> Allowed = new()
    {
        [RenderState.Draft] = [RenderState.Blocked, RenderState.AwaitingApproval, RenderState.Queued, RenderState.Cancelled],
        [RenderState.AwaitingApproval] = [RenderState.Queued, RenderState.Rejected, RenderState.Cancelled],
        [RenderState.Queued] = [RenderState.Submitting, RenderState.Cancelled],
        // Failed: the provider refused the POST, or reconciliation gave up.
        [RenderState.Submitting] = [RenderState.Rendering, RenderState.Failed, RenderState.Cancelled],
        [RenderState.Rendering] = [RenderState.Downloading, RenderState.Failed, RenderState.Cancelled],
        [RenderState.Downloading] = [RenderState.Ready, RenderState.Failed, RenderState.Cancelled],
        [RenderState.Blocked] = [],
        [RenderState.Rejected] = [],
        [RenderState.Ready] = [],
        [RenderState.Failed] = [],
        [RenderState.Cancelled] = [],
    };

    public static bool CanMove(RenderState from, RenderState to) => Allowed.TryGetValue(from, out var next) && next.Contains(to);

    public static IReadOnlyList<RenderState> NextStates(RenderState from) => Allowed.TryGetValue(from, out var next) ? next : [];

    public static bool IsTerminal(RenderState state) => NextStates(state).Count == 0;

    /// <summary>In flight: money is (about to be) spent and the provider works on it.</summary>
    public static bool IsInFlight(RenderState state) =>
        state is RenderState.Queued or RenderState.Submitting or RenderState.Rendering or RenderState.Downloading;

    /// <summary>Moves the request and records the history row; throws for a move the diagram does not allow.</summary>
    public static RenderEvent Move(RenderRequest request, RenderState to, DateTime at, string by, string? message = null)
    {
        if (!CanMove(request.State, to))
            throw new InvalidRenderTransitionException(request.State, to);
        var evt = new RenderEvent
        {
            RenderRequestId = request.Id, From = request.State, To = to, At = at, By = by,
            Message = message is { Length: > RenderEvent.MessageMaxLength } ? message[..RenderEvent.MessageMaxLength] : message,
        };
        request.State = to;
        request.UpdatedAt = at;
        if (IsTerminal(to)) request.FinishedAt = at;
        request.Events.Add(evt);
        return evt;
    }
}

public sealed class InvalidRenderTransitionException(RenderState from, RenderState to)
    : InvalidOperationException($"A render request cannot move from {from} to {to}.")
{
    public RenderState From { get; } = from;
    public RenderState To { get; } = to;
}
