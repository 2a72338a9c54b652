namespace Jiaowang.Core.Evaluations;

/// <summary>The three answers a council member can give about a unit in the satisfaction vote (满意度测评).</summary>
public enum Satisfaction
{
    /// <summary>满意</summary>
    Satisfied = 0,
    /// <summary>基本满意</summary>
    BasicallySatisfied = 1,
    /// <summary>不满意</summary>
    Dissatisfied = 2,
}

/// <summary>One unit's tally once an evaluation has closed.</summary>
public sealed record UnitSatisfaction(int UnitId, string UnitName, int Satisfied, int BasicallySatisfied, int Dissatisfied)
{
    public int Ballots => Satisfied + BasicallySatisfied + Dissatisfied;

    /// <summary>满意率: share of 满意 among the ballots cast for the unit; null when nobody voted on it.</summary>
    public decimal? SatisfiedRate => Ballots == 0 ? null : (decimal)Satisfied / Ballots;

    /// <summary>满意及基本满意率, the figure the council usually quotes; null when nobody voted on the unit.</summary>
    public decimal? ApprovalRate => Ballots == 0 ? null : (decimal)(Satisfied + BasicallySatisfied) / Ballots;
}

/// <summary>
/// What a closed evaluation says, in the plan's unit order. The bulletin and the final summary print this;
/// it carries counts only, never who voted what. When <see cref="TooFewBallots"/> it carries no tallies at all
/// (<see cref="Units"/> is empty): only the turnout and the minimum, so that nobody can print what one member voted.
/// </summary>
/// <param name="EligibleVoters">Council members who could vote.</param>
/// <param name="Voters">Council members who cast their ballots.</param>
public sealed record EvaluationResults(
    int EvaluationId,
    int PlanId,
    string Title,
    DateTimeOffset ClosedAt,
    int EligibleVoters,
    int Voters,
    IReadOnlyList<UnitSatisfaction> Units)
{
    /// <summary>Fewer ballots than <see cref="MinimumBallots"/> were kept: the results are withheld.</summary>
    public bool TooFewBallots { get; init; }
    /// <summary>The minimum number of ballots (<c>Evaluations:MinimumBallots</c>) below which results are withheld.</summary>
    public int MinimumBallots { get; init; }
}
