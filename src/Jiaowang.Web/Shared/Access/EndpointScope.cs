namespace Jiaowang.Web.Shared.Access;

/// <summary>
/// What the rows behind an endpoint belong to, for endpoints that liaisons or council members can reach. Anonymous
/// endpoints are public by an allow-list, staff-only endpoints by their role policy; everything a liaison or a member
/// can call must say whose data it serves, and the endpoint sweep test (tests/…/Security/EndpointSweepTests.cs) then
/// calls it as another unit's liaison with this unit's ids. An endpoint that says nothing fails that test.
/// </summary>
public enum Scope
{
    /// <summary>The caller's own account, inbox or work list: nothing in the request names another user or unit.</summary>
    Self,
    /// <summary>Plan-wide facts every signed-in user may read (reporting deadlines), or a list the handler filters to the caller's unit.</summary>
    Plan,
    /// <summary>A report, with its versions and attachments: the reporting unit's, or everyone's for staff who read all.</summary>
    Report,
    /// <summary>An attachment of a report (the route's attachment id); same rule as the report.</summary>
    Attachment,
    /// <summary>A target: its readings are recorded by the units it is assigned to.</summary>
    Target,
    /// <summary>A follow-up item of a meeting or inspection, owned by one unit.</summary>
    FollowUp,
    /// <summary>A leader's instruction (批示), answered by the unit it is addressed to.</summary>
    Instruction,
    /// <summary>A supervision notice (督办单) or an item a unit acknowledges (签收): the addressed unit's, everyone's for staff.</summary>
    Notice,
    /// <summary>A satisfaction vote: members of its electorate only, and never another member's ballot.</summary>
    Evaluation,
    /// <summary>家在武汉: the directory categories the office gave the caller's unit, and the signage reports routed to it.</summary>
    ServiceCategory,
    /// <summary>A task's co-signed summary (会签) and its co-units' reports: the lead unit, the units asked to sign, staff.</summary>
    Summary,
    /// <summary>A unit's work plan for a task (具体工作方案): its own unit's liaisons, and staff who read all.</summary>
    WorkPlan,
}

/// <summary>Declares an endpoint's <see cref="Scope"/>; on a page model class, or as endpoint metadata.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class ScopedToAttribute(Scope scope) : Attribute
{
    public Scope Scope { get; } = scope;
}

public static class ScopeConventions
{
    public static TBuilder ScopedTo<TBuilder>(this TBuilder builder, Scope scope) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ScopedToAttribute(scope));
}
