namespace Jiaowang.Core.Evaluations;

/// <summary>
/// A satisfaction vote (满意度测评) the office opens on a plan's units: council members (政协委员) each cast one ballot
/// sheet before <see cref="ClosesAt"/>; the tallies are shown only once it has closed.
/// </summary>
public class Evaluation
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Title { get; set; }
    public required string OpenedBy { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    /// <summary>
    /// Set when the vote was closed before its closing time: the instant an admin confirmed the office's request, which
    /// becomes the closing time (results open from then on, under the same minimum-ballot rule).
    /// </summary>
    public DateTimeOffset? ClosedEarlyAt { get; set; }
    /// <summary>The admin who confirmed the early close (the second person; the requester is in <see cref="CloseRequestedBy"/>).</summary>
    public string? ClosedEarlyBy { get; set; }
    /// <summary>The office's request to close early (提前截止申请), waiting for an admin; kept as the record once confirmed.</summary>
    public string? CloseRequestedBy { get; set; }
    public DateTimeOffset? CloseRequestedAt { get; set; }
    public string? CloseRequestReason { get; set; }
    /// <summary>
    /// Set once the answers have been rewritten in a fresh random order after the close, which drops the traces of the
    /// order they were stored in (row ids, physical order, PostgreSQL transaction ids). See docs/EVALUATIONS.md.
    /// </summary>
    public DateTimeOffset? SealedAt { get; set; }

    /// <summary>The units on the ballot, in the order the ballot lists them.</summary>
    public List<EvaluationUnit> Units { get; set; } = [];
    /// <summary>The members who could vote, fixed when the evaluation opened.</summary>
    public List<EvaluationElector> Electors { get; set; } = [];

    public const int ReasonMaxLength = 500;

    /// <summary>The instant voting ends: the confirmed early close if there was one, otherwise the closing time.</summary>
    public DateTimeOffset ClosedAt => ClosedEarlyAt is { } early && early < ClosesAt ? early : ClosesAt;

    public bool IsClosed(DateTimeOffset now) => now >= ClosedAt;

    /// <summary>
    /// Whether anyone may see the tallies: not before the close, and not when fewer than <paramref name="minimumBallots"/>
    /// ballots were kept, where the tallies (and comments) could be one member's ballot.
    /// </summary>
    public ResultsAccess Results(DateTimeOffset now, int ballots, int minimumBallots) =>
        !IsClosed(now) ? ResultsAccess.NotYetClosed
        : ballots < Math.Max(1, minimumBallots) ? ResultsAccess.TooFewBallots
        : ResultsAccess.Open;

    /// <summary>When a request to close early lapses unless an admin has confirmed it.</summary>
    public DateTimeOffset? CloseRequestLapsesAt(TimeSpan lifetime) => CloseRequestedAt + lifetime;

    /// <summary>A request waits for an admin while the vote is open, not yet confirmed or refused, and not lapsed.</summary>
    public bool HasPendingCloseRequest(DateTimeOffset now, TimeSpan lifetime) =>
        CloseRequestedAt is { } at && ClosedEarlyAt is null && !IsClosed(now) && now < at + lifetime;

    /// <summary>The office asks to close the vote now, with a reason; an admin must confirm it (<see cref="ConfirmClose"/>).</summary>
    public EarlyCloseError? RequestClose(string by, string? reason, DateTimeOffset now, TimeSpan lifetime)
    {
        if (IsClosed(now)) return EarlyCloseError.Closed;
        if (HasPendingCloseRequest(now, lifetime)) return EarlyCloseError.AlreadyRequested;
        var cleaned = Ballot.CleanComment(reason);
        if (cleaned is null) return EarlyCloseError.ReasonRequired;
        if (cleaned.Length > ReasonMaxLength || !Ballot.IsPlainText(cleaned)) return EarlyCloseError.ReasonBad;
        CloseRequestedBy = by;
        CloseRequestedAt = now;
        CloseRequestReason = cleaned;
        return null;
    }

    /// <summary>
    /// An admin confirms the pending request: the vote closes now. The requester cannot confirm their own request, so
    /// closing early always takes two people.
    /// </summary>
    public EarlyCloseError? ConfirmClose(string by, DateTimeOffset now, TimeSpan lifetime)
    {
        if (IsClosed(now)) return EarlyCloseError.Closed;
        if (!HasPendingCloseRequest(now, lifetime)) return EarlyCloseError.NoRequest;
        if (string.Equals(by, CloseRequestedBy, StringComparison.OrdinalIgnoreCase)) return EarlyCloseError.SamePerson;
        ClosedEarlyAt = now;
        ClosedEarlyBy = by;
        return null;
    }

    /// <summary>An admin refuses the pending request; the vote runs on to its closing time.</summary>
    public EarlyCloseError? RefuseClose(DateTimeOffset now, TimeSpan lifetime)
    {
        if (IsClosed(now)) return EarlyCloseError.Closed;
        if (!HasPendingCloseRequest(now, lifetime)) return EarlyCloseError.NoRequest;
        CloseRequestedBy = null;
        CloseRequestedAt = null;
        CloseRequestReason = null;
        return null;
    }
}

public enum ResultsAccess
{
    Open,
    NotYetClosed,
    /// <summary>Fewer ballots than the minimum: nothing but the turnout is shown.</summary>
    TooFewBallots,
}

public enum EarlyCloseError
{
    /// <summary>The vote has already closed.</summary>
    Closed,
    /// <summary>A request is already waiting for an admin.</summary>
    AlreadyRequested,
    ReasonRequired,
    /// <summary>The reason is too long or carries markup.</summary>
    ReasonBad,
    /// <summary>No request is waiting (none was made, it lapsed, or it was refused).</summary>
    NoRequest,
    /// <summary>The person who asked cannot also confirm.</summary>
    SamePerson,
}

/// <summary>A unit on an evaluation's ballot.</summary>
public class EvaluationUnit
{
    public int EvaluationId { get; set; }
    public int UnitId { get; set; }
    public int Position { get; set; }
}

/// <summary>A member allowed to vote in an evaluation: those in the member role when it opened.</summary>
public class EvaluationElector
{
    public int EvaluationId { get; set; }
    public required string UserId { get; set; }
}

/// <summary>
/// Who voted (已投票): one row per member and evaluation, unique, written in the same transaction as the answers. It
/// says that a member voted and when, never what.
/// </summary>
public class EvaluationVoter
{
    public int EvaluationId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// One answer about one unit, with nothing that points at its voter: no user, no time, a random key (never a
/// sequential or time-ordered one), so that answers cannot be put in voting order and matched to <see cref="EvaluationVoter"/> rows.
/// </summary>
public class EvaluationAnswer
{
    public Guid Id { get; set; }
    public int EvaluationId { get; set; }
    public int UnitId { get; set; }
    public Satisfaction Satisfaction { get; set; }
    public string? Comment { get; set; }
}
