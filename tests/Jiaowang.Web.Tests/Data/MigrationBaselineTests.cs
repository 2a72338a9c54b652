using System.Data.Common;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jiaowang.Web.Tests.Data;

/// <summary>
/// Each provider starts from one baseline migration; later migrations are history (docs/DATA.md). These tests prove that the baseline builds exactly the
/// schema the model describes: a database made by the migrations and one made from the model alone
/// (<c>EnsureCreated</c>) have the same tables, columns, keys and indexes.
/// </summary>
public sealed class MigrationBaselineTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_migrations_build_the_schema_the_model_describes(DatabaseProvider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var modelled = await TestDatabase.CreateAsync(provider);

        List<string> fromMigrations, fromModel;
        using (var db = migrated.Open())
        {
            Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no migration covers: run scripts/add-migration.sh");
            await db.Database.MigrateAsync();
            fromMigrations = await SchemaAsync(db, provider);
        }
        using (var db = modelled.Open())
        {
            await db.Database.EnsureCreatedAsync();
            fromModel = await SchemaAsync(db, provider);
        }

        Assert.NotEmpty(fromModel);
        Assert.Equal(fromModel.Except(fromMigrations).ToList(), new List<string>());
        Assert.Equal(fromMigrations.Except(fromModel).ToList(), new List<string>());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Each_provider_starts_from_the_one_baseline_and_adds_history_after_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var db = database.Open();
        var migrations = db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.True(migrations.Count >= 1 && migrations[0].EndsWith("_Baseline", StringComparison.Ordinal),
            $"{provider} must start from its Baseline migration: {string.Join(", ", migrations)}");
        Assert.Single(migrations, m => m.EndsWith("_Baseline", StringComparison.Ordinal));
    }


    /// <summary>One line per column, key, foreign key and index, so that two schemas compare as sets of lines.</summary>
    static async Task<List<string>> SchemaAsync(JiaowangDb db, DatabaseProvider provider)
    {
        var sql = provider == DatabaseProvider.Sqlite
            ? """
              SELECT 'column ' || m.name || '.' || c.name || ' ' || c.type || ' notnull=' || c."notnull" || ' pk=' || c.pk || ' default=' || IFNULL(c.dflt_value, '')
                FROM sqlite_master m JOIN pragma_table_info(m.name) c
               WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EFMigrations%'
              UNION ALL
              SELECT 'index ' || m.name || ' ' || i.name || ' unique=' || i."unique" || ' ' ||
                     (SELECT group_concat(ii.name, ',') FROM pragma_index_info(i.name) ii)
                FROM sqlite_master m JOIN pragma_index_list(m.name) i
               WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EFMigrations%'
              UNION ALL
              SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' on delete ' || f.on_delete
                FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
               WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
              """
            : """
              SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' nullable=' || is_nullable ||
                     ' identity=' || is_identity || ' default=' || COALESCE(column_default, '')
                FROM information_schema.columns
               WHERE table_schema = 'public' AND table_name NOT LIKE '__EFMigrations%'
              UNION ALL
              SELECT 'index ' || tablename || ' ' || indexdef FROM pg_indexes
               WHERE schemaname = 'public' AND tablename NOT LIKE '__EFMigrations%'
              UNION ALL
              SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                FROM pg_constraint
               WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '"__EFMigrations%'
              """;
        var lines = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (DbCommand command = connection.CreateCommand())
        {
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        }
        await connection.CloseAsync();
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
