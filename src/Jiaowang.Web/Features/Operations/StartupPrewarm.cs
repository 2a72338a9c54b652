using Jiaowang.Web.Data;
using Jiaowang.Web.Shared;

namespace Jiaowang.Web.Features.Operations;

/// <summary>
/// Work that every start needs and that depends on nothing the host makes, begun on the second core while the first
/// builds the host: the one stretch of a start in which a core is idle (docs/PERFORMANCE.md, "Start-up"). Whoever
/// needs either piece later finds it done, or waits for it on the runtime's own lock.
/// </summary>
internal static class StartupPrewarm
{
    public static void Begin(IConfiguration configuration)
    {
        var provider = DatabaseSetup.ProviderFrom(configuration);
        _ = Task.Run(() =>
        {
            // The first culture-sensitive casing under zh-CN opens ICU's Chinese collator (.NET asks it whether the
            // culture cases ASCII as the invariant culture does): about 0.2 s, which EF's query compiler would otherwise
            // pay inside the overview's warm-up, on the busy database thread.
            _ = TextSetup.Chinese.TextInfo.ToLower('A');
            // The compiled model is a static built on first use; EF would build it when the first context is made.
            _ = provider == DatabaseProvider.Postgres
                ? Data.CompiledModels.Postgres.PostgresJiaowangDbModel.Instance
                : Data.CompiledModels.Sqlite.SqliteJiaowangDbModel.Instance;
        });
    }
}
