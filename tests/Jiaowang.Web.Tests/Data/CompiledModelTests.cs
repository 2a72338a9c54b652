using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jiaowang.Web.Tests.Data;

/// <summary>
/// Every process loads the model EF compiled ahead of time (<c>Data/CompiledModels</c>, written by
/// <c>scripts/compiled-models.sh</c>) instead of building it from <c>OnModelCreating</c>. It is a copy, so it must be
/// the same model, down to each property's column, converter and index, and it must carry the archive filters that EF
/// cannot write into it.
/// </summary>
public sealed class CompiledModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_compiled_model_is_the_model_OnModelCreating_builds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var db = database.Open();

        var loaded = db.Model;
        var built = db.GetService<IDesignTimeModel>().Model;

        Assert.Equal($"Jiaowang.Web.Data.CompiledModels.{provider}.{provider}JiaowangDbModel", loaded.GetType().FullName);
        var expected = Describe(built);
        var actual = Describe(loaded);
        var firstDifference = expected.Zip(actual).Select((pair, line) => (pair, line)).FirstOrDefault(p => p.pair.First != p.pair.Second);
        Assert.True(expected.SequenceEqual(actual),
            $"the compiled model differs from OnModelCreating's (run scripts/compiled-models.sh): line {firstDifference.line + 1}: " +
            $"model has '{firstDifference.pair.First}', compiled has '{firstDifference.pair.Second}'");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Archived_rows_stay_hidden_with_the_compiled_model(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var db = database.Open();
        await db.Database.MigrateAsync();
        var plan = new Plan { Title = "归档测试", SourceName = "archive.txt", SourceHash = "archive" };
        plan.Phases.Add(new Phase { Name = "当前阶段", StartMonth = new DateOnly(2026, 1, 1), EndMonth = new DateOnly(2026, 6, 1) });
        plan.Phases.Add(new Phase { Name = "已归档阶段", StartMonth = new DateOnly(2026, 7, 1), EndMonth = new DateOnly(2026, 12, 1), ArchivedAt = DateTimeOffset.UtcNow });
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        Assert.Equal(["当前阶段"], await db.Set<Phase>().Select(p => p.Name).ToListAsync());
        Assert.Equal(2, await db.Set<Phase>().IgnoreQueryFilters().CountAsync());
        foreach (var type in new[] { typeof(TargetGroup), typeof(Target), typeof(TaskGroup), typeof(PlanTask), typeof(Phase) })
        {
            Assert.Single(db.Model.FindEntityType(type)!.GetDeclaredQueryFilters());
        }
    }

    /// <summary>
    /// Entity types, properties, keys, navigations and indexes, then the tables, columns (with their store types),
    /// constraints and indexes they map to. Annotations are left out of the first part: the two models keep different
    /// bookkeeping ones, and what they say about the database is in the second.
    /// </summary>
    static string[] Describe(IModel model) =>
        (model.ToDebugString(MetadataDebugStringOptions.ShortDefault) + "\n" +
         model.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.ShortDefault))
        .Split('\n', StringSplitOptions.TrimEntries);

}
