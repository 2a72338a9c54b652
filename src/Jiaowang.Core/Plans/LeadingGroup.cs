namespace Jiaowang.Core.Plans;

/// <summary>A post in the plan's leading group (领导小组) or in its office (领导小组办公室).</summary>
public enum LeadingGroupPost
{
    /// <summary>组长</summary>
    Head = 0,
    /// <summary>副组长</summary>
    DeputyHead = 1,
    /// <summary>成员</summary>
    Member = 2,
    /// <summary>办公室主任</summary>
    OfficeDirector = 3,
    /// <summary>办公室副主任</summary>
    OfficeDeputyDirector = 4,
    /// <summary>办公室成员</summary>
    OfficeMember = 5,
}

/// <summary>
/// One person in the plan's leading group, as the plan sets it up: "由市政府分管副市长任组长，市政府分管副秘书长、
/// 市委外办主任任副组长", its office in 市委外办. Optionally linked to the person's leader account, whose landing page
/// then shows the tasks of the member's unit first.
/// </summary>
public class LeadingGroupMember
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    /// <summary>Order in the group's list: posts first, then as the office arranges them.</summary>
    public int Position { get; set; }
    public required string Name { get; set; }
    public LeadingGroupPost Post { get; set; }
    /// <summary>职务 as written, e.g. 市政府副市长, 市委外办主任.</summary>
    public string? Title { get; set; }
    /// <summary>The unit the member speaks for, when the member comes from a responsible unit.</summary>
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>The member's leader account, when they have one.</summary>
    public string? UserId { get; set; }

    public const int MaxName = 50;
    public const int MaxTitle = 100;
}
