using System.CommandLine;
using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Cli.Network;

/// <summary><c>jiaowang targets bind TARGET-ID BINDING</c>: count a target from the registry (or <c>none</c> to go back to manual readings).</summary>
static class TargetCommands
{
    public static Command Create()
    {
        var targets = new Command("targets", Messages.Get("Targets.Description"));
        var id = new Argument<int>("target-id") { Description = Messages.Get("Targets.Id.Description") };
        var binding = new Argument<string>("binding") { Description = Messages.Get("Targets.Binding.Description", string.Join(", ", Enum.GetNames<RegistryBinding>())) };
        var bind = new Command("bind", Messages.Get("Targets.Bind.Description")) { id, binding };
        bind.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(binding)!;
            RegistryBinding? chosen = null;
            if (!text.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                if (!RegistryBindings.TryParse(text, out var b))
                {
                    return ExitCodes.BadInput(Messages.Get("Targets.UnknownBinding", text, string.Join(", ", Enum.GetNames<RegistryBinding>())));
                }
                chosen = b;
            }
            await using var services = await CliHost.StartAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            var target = await db.Targets.FirstOrDefaultAsync(t => t.Id == parse.GetValue(id), ct);
            if (target is null) return ExitCodes.BadInput(Messages.Get("Targets.NotFound", parse.GetValue(id)));
            target.Binding = chosen;
            await db.SaveChangesAsync(ct);
            await scope.ServiceProvider.GetRequiredService<RegistrySync>().RefreshAsync(ct);
            var latest = await db.Readings.AsNoTracking().Where(r => r.TargetId == target.Id)
                .OrderByDescending(r => r.AsOf).ThenByDescending(r => r.Id).Select(r => (decimal?)r.Value).FirstOrDefaultAsync(ct);
            Console.Out.WriteLine(chosen is null
                ? Messages.Get("Targets.Unbound", target.Id, target.Metric)
                : Messages.Get("Targets.Bound", target.Id, target.Metric, chosen, latest?.ToString("0.####") ?? "—", target.Value.ToString("0.####") + target.Measure));
            return ExitCodes.Ok;
        });
        targets.Subcommands.Add(bind);
        return targets;
    }
}
