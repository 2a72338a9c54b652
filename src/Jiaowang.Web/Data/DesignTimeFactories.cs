using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jiaowang.Web.Data;

// Used only by `dotnet ef migrations add`: each provider's context builds its own migration set.
sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteJiaowangDb>
{
    public SqliteJiaowangDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteJiaowangDb>().UseSqlite("Data Source=design-time.db").Options);
}

sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresJiaowangDb>
{
    public PostgresJiaowangDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresJiaowangDb>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
