using System.CommandLine;
using Jiaowang.Core.Audit;
using Jiaowang.Web.Features.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Cli.Audit;

/// <summary><c>jiaowang audit verify</c>: checks the audit chain with the key and the anchor the web host uses; exit 1 when it is not intact.</summary>
static class AuditCommands
{
    public static Command Create()
    {
        var audit = new Command("audit", Messages.Get("Audit.Description"));
        var verify = new Command("verify", Messages.Get("Audit.Verify.Description"));
        verify.SetAction(async (parse, ct) =>
        {
            await using var services = await CliHost.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var check = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(ct);
            if (check.Intact)
            {
                Console.Out.WriteLine(Messages.Get("Audit.Intact", check.Entries, check.AnchorId?.ToString() ?? "—"));
                return ExitCodes.Ok;
            }
            Console.Error.WriteLine(Messages.Get("Audit.Broken." + (check.Reason ?? ChainBreak.Altered), check.FirstBrokenId?.ToString() ?? "—", check.LastId?.ToString() ?? "—"));
            return ExitCodes.Failed;
        });
        audit.Subcommands.Add(verify);
        return audit;
    }
}
