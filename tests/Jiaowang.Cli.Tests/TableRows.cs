using System.Data.Common;
using System.Globalization;
using Jiaowang.Web.Data;
using Jiaowang.Web.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jiaowang.Cli.Tests;

/// <summary>Every row of every table the EF model maps, read straight from a test database, for before/after comparisons.</summary>
public static class TableRows
{
    /// <summary>The model's tables (the same for both providers).</summary>
    public static IReadOnlyList<string> ModelTables()
    {
        using var db = new SqliteJiaowangDb(new DbContextOptionsBuilder<SqliteJiaowangDb>().UseSqlite("Data Source=:memory:").Options);
        return db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
    }

    static DbConnection Open(TestDatabase database)
    {
        DbConnection connection = database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.ConnectionString + ";Pooling=False")
            : new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Rows per table, each row as one line of its values, sorted (row order is not what is compared).</summary>
    public static async Task<Dictionary<string, List<string>>> ReadAsync(TestDatabase database)
    {
        await using var connection = Open(database);
        var tables = new Dictionary<string, List<string>>();
        foreach (var table in ModelTables())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var values = new string[reader.FieldCount];
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values[i] = reader.IsDBNull(i) ? "∅" : reader.GetValue(i) switch
                    {
                        byte[] bytes => Convert.ToHexString(bytes),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        var v => v.ToString() ?? "",
                    };
                }
                rows.Add(string.Join(" | ", values));
            }
            rows.Sort(StringComparer.Ordinal);
            tables[table] = rows;
        }
        return tables;
    }

    public static async Task<Dictionary<string, long>> CountsAsync(TestDatabase database)
    {
        await using var connection = Open(database);
        var counts = new Dictionary<string, long>();
        foreach (var table in ModelTables())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync());
        }
        return counts;
    }

    public static async Task<long> ScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = Open(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L);
    }

    /// <summary>Stores a file on a report straight in the table, as an upload would (the demo year has none).</summary>
    public static async Task AttachAsync(TestDatabase database, long reportId, byte[] content)
    {
        await using var connection = Open(database);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO \"Attachments\" (\"ReportId\", \"FileName\", \"ContentType\", \"Size\", \"Sha256\", \"Content\", \"UploadedBy\", \"UploadedAt\") " +
            "VALUES (@report, '附件.pdf', 'application/pdf', @size, @sha, @content, 'demo-liaison-01', @at)";
        void Add(string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        Add("@report", database.Provider == DatabaseProvider.Sqlite ? reportId : (int)reportId);
        Add("@size", (long)content.Length);
        Add("@sha", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
        Add("@content", content);
        Add("@at", DateTimeOffset.UtcNow);
        await command.ExecuteNonQueryAsync();
    }
}
