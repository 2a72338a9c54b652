using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Units;

/// <summary>
/// The shipped list of Wuhan's districts and functional zones (Seed/wuhan-districts.csv), made the members of
/// 各区人民政府 the first time the app starts (and by the demo generator). After that the list is the office's.
/// </summary>
public static class DistrictList
{
    public const string ListPath = "Seed/wuhan-districts.csv";

    public sealed record Entry(string Name, UnitKind Kind);

    /// <summary>Reads name,kind,area,note rows; kind is district or functional-zone.</summary>
    public static IReadOnlyList<Entry> Parse(string csv) =>
        csv.Split('\n').Skip(1).Select(line => line.Trim().Split(','))
            .Where(cells => cells.Length >= 2 && cells[0].Length > 0)
            .Select(cells => new Entry(cells[0].Trim(), cells[1].Trim() == "functional-zone" ? UnitKind.FunctionalZone : UnitKind.District))
            .ToList();

    public static IReadOnlyList<Entry> Shipped() => Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, ListPath)));

    /// <summary>
    /// Marks the units the plans name 各区人民政府 and 各相关区人民政府 as groups (units stored before groups existed), and,
    /// when 各区人民政府 has no members yet, creates the listed districts and zones and makes them its members.
    /// </summary>
    /// <returns>How many members were attached.</returns>
    public static async Task<int> EnsureAsync(JiaowangDb db, CancellationToken ct = default)
    {
        var groupNames = new[] { UnitGroups.AllDistricts, UnitGroups.RelevantDistricts };
        foreach (var unit in await db.Units.Where(u => groupNames.Contains(u.Name) && u.Kind == UnitKind.Body).ToListAsync(ct))
            unit.Kind = UnitGroups.KindOf(unit.Name);
        var group = await db.Units.FirstOrDefaultAsync(u => u.Name == UnitGroups.AllDistricts, ct);
        if (group is null) db.Units.Add(group = new Unit { Name = UnitGroups.AllDistricts, Kind = UnitKind.Group });
        else if (await db.UnitMemberships.AnyAsync(m => m.GroupId == group.Id, ct))
        {
            await db.SaveChangesAsync(ct);
            return 0;
        }

        var entries = Shipped();
        var names = entries.Select(e => e.Name).ToList();
        var known = await db.Units.Where(u => names.Contains(u.Name)).ToDictionaryAsync(u => u.Name, ct);
        foreach (var entry in entries)
        {
            if (!known.TryGetValue(entry.Name, out var unit)) db.Units.Add(unit = new Unit { Name = entry.Name, Kind = entry.Kind });
            else if (unit.Kind == UnitKind.Body) unit.Kind = entry.Kind;
            group.Members.Add(new UnitMembership { Group = group, Member = unit });
        }
        await db.SaveChangesAsync(ct);
        return entries.Count;
    }
}
