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
    public (int Id, int Number, string Title)? Previous { get; private set; }
    public (int Id, int Number, string Title)? Next { get; private set; }
    public List<MeasureItem> Measures { get; private set; } = [];

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

        // The plan's tasks in reading order, so a reader can go through them one by one.
        var siblings = await db.Tasks.AsNoTracking().Where(t => t.Group!.PlanId == Plan.Id)
            .OrderBy(t => t.Group!.Position).ThenBy(t => t.Number)
            .Select(t => new { t.Id, t.Number, t.Title }).ToListAsync(ct);
        var index = siblings.FindIndex(t => t.Id == id);
        if (index > 0) Previous = (siblings[index - 1].Id, siblings[index - 1].Number, siblings[index - 1].Title);
        if (index < siblings.Count - 1) Next = (siblings[index + 1].Id, siblings[index + 1].Number, siblings[index + 1].Title);
        Measures = await MeasuresApi.ForTaskAsync(db, id, ct);
        return Page();
    }
}
