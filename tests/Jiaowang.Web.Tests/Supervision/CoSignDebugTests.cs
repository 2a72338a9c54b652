using Jiaowang.Web.Data;
using Jiaowang.Web.Features.CoSigning;
using Jiaowang.Web.Features.Dashboard;
using Jiaowang.Web.Shared.Access;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Jiaowang.Web.Tests.Supervision;

public sealed class CoSignDebugTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Debug()
    {
        await using var app = await SupervisionApp.StartAsync(DatabaseProvider.Sqlite);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var caller = new Caller("x", "office", new HashSet<string> { "office" }, null);
        try { await scope.ServiceProvider.GetRequiredService<SummaryActions>().ListAsync(caller, null, "signing"); }
        catch (Exception e) { output.WriteLine(e.ToString()); }
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            await Jiaowang.Web.Shared.Reporting.DueDates.LoadAsync(db, [1, 2]);
        }
        catch (Exception e) { output.WriteLine(e.ToString()); }
    }
}
