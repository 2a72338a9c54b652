namespace Jiaowang.Core.Plans;

/// <summary>A unit's part in a task: the assignment as the plan names it.</summary>
public readonly record struct AssignedUnit(int TaskId, int UnitId, AssignmentRole Role);

/// <summary>
/// A unit that owes a task's reports. <see cref="GroupId"/> is the group it owes them for (各区人民政府), null when the
/// plan names the unit itself.
/// </summary>
public readonly record struct OwingUnit(int TaskId, int UnitId, AssignmentRole Role, int? GroupId);

/// <summary>What is known of the groups: their kind, their members, and the members the office named per task.</summary>
/// <param name="Kinds">The kind of each group (units missing here report for themselves).</param>
/// <param name="Members">Each group's members, in list order.</param>
/// <param name="Chosen">For a <see cref="UnitKind.ChosenGroup"/>: the members named for a task.</param>
public sealed record GroupBook(
    IReadOnlyDictionary<int, UnitKind> Kinds,
    IReadOnlyDictionary<int, IReadOnlyList<int>> Members,
    IReadOnlyDictionary<(int TaskId, int GroupId), IReadOnlyList<int>> Chosen)
{
    public static readonly GroupBook Empty = new(new Dictionary<int, UnitKind>(), new Dictionary<int, IReadOnlyList<int>>(),
        new Dictionary<(int, int), IReadOnlyList<int>>());

    public bool IsGroup(int unitId) => Kinds.TryGetValue(unitId, out var kind) && UnitGroups.IsGroup(kind);
}

/// <summary>
/// The rule of who owes a task's reports when a plan names a group of units (各区人民政府、各相关区人民政府) instead of
/// each one: every unit that owes anything — the overdue list, the dashboard, reminders, documents — is counted from here.
/// </summary>
public static class UnitGroups
{
    /// <summary>各区人民政府: each district government and functional zone reports on its own.</summary>
    public const string AllDistricts = "各区人民政府";
    /// <summary>各相关区人民政府: the districts the office names for the task.</summary>
    public const string RelevantDistricts = "各相关区人民政府";

    /// <summary>The kind a unit takes when a plan first names it: the two group names are the municipal convention.</summary>
    public static UnitKind KindOf(string name) => name switch
    {
        AllDistricts => UnitKind.Group,
        RelevantDistricts => UnitKind.ChosenGroup,
        _ => UnitKind.Body,
    };

    public static bool IsGroup(UnitKind kind) => kind is UnitKind.Group or UnitKind.ChosenGroup;

    /// <summary>
    /// Expands assignments into the units that owe reports. A unit named by the plan owes for itself. A group's
    /// members owe instead of the group: all of them for <see cref="UnitKind.Group"/>, the ones named for the task for
    /// <see cref="UnitKind.ChosenGroup"/>. A group with nobody to stand for it (no members yet, none named yet) owes for
    /// itself, as before groups existed, so that the gap shows as an overdue report instead of vanishing. A unit owing a
    /// task twice (named itself and through a group) owes it once, in the role the plan gives it by name.
    /// </summary>
    public static IReadOnlyList<OwingUnit> Expand(IEnumerable<AssignedUnit> assignments, GroupBook book)
    {
        var owing = new List<OwingUnit>();
        var seen = new HashSet<(int, int)>();
        var list = assignments.ToList();
        // Direct assignments first, so that a unit named itself keeps its own role.
        foreach (var a in list.Where(a => !book.IsGroup(a.UnitId)))
        {
            if (seen.Add((a.TaskId, a.UnitId))) owing.Add(new OwingUnit(a.TaskId, a.UnitId, a.Role, null));
        }
        foreach (var a in list.Where(a => book.IsGroup(a.UnitId)))
        {
            var members = MembersOwing(a.TaskId, a.UnitId, book);
            if (members.Count == 0)
            {
                if (seen.Add((a.TaskId, a.UnitId))) owing.Add(new OwingUnit(a.TaskId, a.UnitId, a.Role, null));
                continue;
            }
            foreach (var member in members)
            {
                if (seen.Add((a.TaskId, member))) owing.Add(new OwingUnit(a.TaskId, member, a.Role, a.UnitId));
            }
        }
        return owing;
    }

    /// <summary>The members of a group that owe one task: all of them, or the ones named for the task.</summary>
    public static IReadOnlyList<int> MembersOwing(int taskId, int groupId, GroupBook book) =>
        book.Kinds.GetValueOrDefault(groupId) switch
        {
            UnitKind.Group => book.Members.GetValueOrDefault(groupId) ?? [],
            UnitKind.ChosenGroup => book.Chosen.GetValueOrDefault((taskId, groupId)) ?? [],
            _ => [],
        };
}
