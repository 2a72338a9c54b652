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
/// it carries counts only, never who voted what.
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
    IReadOnlyList<UnitSatisfaction> Units);
