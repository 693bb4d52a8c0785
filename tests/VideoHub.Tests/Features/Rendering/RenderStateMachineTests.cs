using VideoHub.Domain.Rendering;

namespace VideoHub.Tests.Features.Rendering;

public sealed class RenderStateMachineTests
{
    // DESIGN §3, written out once more by hand so a change to the machine has to change this list too.
    private static readonly HashSet<(RenderState, RenderState)> Diagram =
    [
        (RenderState.Draft, RenderState.Blocked), (RenderState.Draft, RenderState.AwaitingApproval),
        (RenderState.Draft, RenderState.Queued), (RenderState.Draft, RenderState.Cancelled),
        (RenderState.AwaitingApproval, RenderState.Queued), (RenderState.AwaitingApproval, RenderState.Rejected),
        (RenderState.AwaitingApproval, RenderState.Cancelled),
        (RenderState.Queued, RenderState.Submitting), (RenderState.Queued, RenderState.Cancelled),
        (RenderState.Submitting, RenderState.Rendering), (RenderState.Submitting, RenderState.Failed),
        (RenderState.Submitting, RenderState.Cancelled),
        (RenderState.Rendering, RenderState.Downloading), (RenderState.Rendering, RenderState.Failed),
        (RenderState.Rendering, RenderState.Cancelled),
        (RenderState.Downloading, RenderState.Ready), (RenderState.Downloading, RenderState.Failed),
        (RenderState.Downloading, RenderState.Cancelled),
    ];

    public static TheoryData<RenderState, RenderState> AllPairs()
    {
        var data = new TheoryData<RenderState, RenderState>();
        foreach (var from in Enum.GetValues<RenderState>())
        foreach (var to in Enum.GetValues<RenderState>())
            data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Move_AllowsExactlyTheDiagramsTransitions_AndRecordsEachOne(RenderState from, RenderState to)
    {
        var request = new RenderRequest { State = from };
        var at = new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

        if (Diagram.Contains((from, to)))
        {
            var evt = RenderStateMachine.Move(request, to, at, "tester", "why");
            Assert.Equal(to, request.State);
            Assert.Equal((from, to, "tester", at), (evt.From, evt.To, evt.By, evt.At));
            Assert.Same(evt, Assert.Single(request.Events));
        }
        else
        {
            var ex = Assert.Throws<InvalidRenderTransitionException>(() => RenderStateMachine.Move(request, to, at, "tester"));
            Assert.Equal((from, to), (ex.From, ex.To));
            Assert.Equal(from, request.State);
            Assert.Empty(request.Events);
        }
    }

    [Fact]
    public void TerminalStates_AreExactlyThoseWithoutAWayOut_AndSetFinishedAt()
    {
        var terminal = Enum.GetValues<RenderState>().Where(RenderStateMachine.IsTerminal).ToHashSet();
        Assert.Equal(new HashSet<RenderState> { RenderState.Blocked, RenderState.Rejected, RenderState.Ready, RenderState.Failed, RenderState.Cancelled }, terminal);

        var request = new RenderRequest { State = RenderState.Downloading };
        var at = DateTime.UtcNow;
        request.Fail(RenderFailureReason.Expired, "gone", at, "job:download");
        Assert.Equal((RenderState.Failed, RenderFailureReason.Expired, "gone", at), (request.State, request.FailureReason, request.ProviderMessage, request.FinishedAt));
    }
}
