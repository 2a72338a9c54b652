using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Plans;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Tasks;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class TaskDetailModel(JiaowangDb db) : PageModel
{
    public TaskItem Task { get; private set; } = null!;
    public PlanSummary Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var task = await db.Tasks.AsNoTracking()
            .Include(t => t.Group)
            .Include(t => t.Assignments).ThenInclude(a => a.Unit)
            .FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return NotFound();

        Task = TaskItem.From(task, task.Group!);
        Plan = await db.Plans.AsNoTracking().Where(p => p.Id == task.Group!.PlanId)
            .Select(p => new PlanSummary(p.Id, p.Title, p.DocumentNumber, p.IssuedOn, p.ImportedAt))
            .FirstAsync(ct);
        return Page();
    }
}
