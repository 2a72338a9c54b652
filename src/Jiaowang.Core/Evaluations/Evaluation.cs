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
    /// <summary>Set when the office closed the vote before its closing time.</summary>
    public DateTimeOffset? ClosedEarlyAt { get; set; }
    public string? ClosedEarlyBy { get; set; }
    /// <summary>
    /// Set once the answers have been rewritten in a fresh random order after the close, which drops the traces of the
    /// order they were stored in (row ids, physical order, PostgreSQL transaction ids). See docs/EVALUATIONS.md.
    /// </summary>
    public DateTimeOffset? SealedAt { get; set; }

    /// <summary>The units on the ballot, in the order the ballot lists them.</summary>
    public List<EvaluationUnit> Units { get; set; } = [];
    /// <summary>The members who could vote, fixed when the evaluation opened.</summary>
    public List<EvaluationElector> Electors { get; set; } = [];

    /// <summary>The instant voting ends: the early close if the office made one, otherwise the closing time.</summary>
    public DateTimeOffset ClosedAt => ClosedEarlyAt is { } early && early < ClosesAt ? early : ClosesAt;

    public bool IsClosed(DateTimeOffset now) => now >= ClosedAt;

    /// <summary>The office ends the vote now; refused when it has already closed.</summary>
    public bool CloseEarly(string by, DateTimeOffset now)
    {
        if (IsClosed(now)) return false;
        ClosedEarlyAt = now;
        ClosedEarlyBy = by;
        return true;
    }
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
