using System.Data.Common;
using Jiaowang.Core.Plans;
using Jiaowang.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Data;

/// <summary>
/// What each start asks before it seeds anything (roles, the bundled plan, the districts, partners, guides, places, the
/// first key of the shared key ring), read in one plain query on a migrated database. Each seeding step that finds its
/// part done is skipped; one that does not runs as before, so a first start or a half-seeded database is unchanged.
/// Asked through EF, the checks were six queries to compile, a sixth of a start (docs/PERFORMANCE.md, "Start-up").
/// </summary>
public sealed record StartupFacts(bool RolesMade, bool HasPlan, bool DistrictsMade, bool HasPartners, bool HasGuides, bool HasPlaces, bool HasKey)
{
    public static async Task<StartupFacts> ReadAsync(JiaowangDb db, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            // Identity stores a role's name upper-cased (its default lookup normaliser) in NormalizedName. The districts
            // are made when 各区人民政府 has members and neither group name is left as a plain body (DistrictList).
            var roles = string.Join(", ", Roles.All.Select((role, i) => Parameter(command, $"@role{i}", role.ToUpperInvariant())));
            command.CommandText = $"""
                SELECT
                  (SELECT COUNT(*) FROM "AspNetRoles" WHERE "NormalizedName" IN ({roles})),
                  EXISTS (SELECT 1 FROM "Plans"),
                  EXISTS (SELECT 1 FROM "UnitMemberships" m JOIN "Units" g ON g."Id" = m."GroupId" WHERE g."Name" = {Parameter(command, "@all", UnitGroups.AllDistricts)})
                    AND NOT EXISTS (SELECT 1 FROM "Units" WHERE "Name" IN (@all, {Parameter(command, "@relevant", UnitGroups.RelevantDistricts)}) AND "Kind" = {Parameter(command, "@body", (int)UnitKind.Body)}),
                  EXISTS (SELECT 1 FROM "Partners"),
                  EXISTS (SELECT 1 FROM "ServiceGuides"),
                  EXISTS (SELECT 1 FROM "Places"),
                  EXISTS (SELECT 1 FROM "DataProtectionKeys")
                """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return new(Convert.ToInt64(reader.GetValue(0)) == Roles.All.Count, Convert.ToBoolean(reader.GetValue(1)),
                Convert.ToBoolean(reader.GetValue(2)), Convert.ToBoolean(reader.GetValue(3)), Convert.ToBoolean(reader.GetValue(4)),
                Convert.ToBoolean(reader.GetValue(5)), Convert.ToBoolean(reader.GetValue(6)));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static string Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return name;
    }
}
