using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Plans;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Tasks;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[Shared.KeptPages.Keep]
public sealed class TaskDetailModel(JiaowangDb db, SupervisionCache kept, Shared.KeptPages pages) : PageModel
{
    public TaskItem Task { get; private set; } = null!;
    public PlanSummary Plan { get; private set; } = null!;
    public (int Id, int Number, string Title)? Previous { get; private set; }
    public (int Id, int Number, string Title)? Next { get; private set; }
    public List<MeasureItem> Measures { get; private set; } = [];

    /// <summary>Everything the page shows, the same for every reader: five queries, kept until a write.</summary>
    sealed record Shown(TaskItem Task, PlanSummary Plan, (int, int, string)? Previous, (int, int, string)? Next, List<MeasureItem> Measures);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // Anonymous readers are served from the output cache; signed-in ones get the page kept whole for them as long as
        // its data is kept (until a write), rendered once (docs/PERFORMANCE.md, "Signed-in pages", thirteenth round).
        if (await kept.GetAsync(("task-page", id), () => LoadAsync(id, ct)) is not { } shown) return NotFound();
        (Task, Plan, Previous, Next, Measures) = shown;
        return (kept.Lifetime > TimeSpan.Zero ? pages.Find(HttpContext, shown) : null) ?? Page();
    }

    async Task<Shown?> LoadAsync(int id, CancellationToken ct)
    {
        var task = await db.Tasks.AsNoTracking()
            .Include(t => t.Group)
            .Include(t => t.Assignments).ThenInclude(a => a.Unit)
            .FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return null;

        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == task.Group!.PlanId)
            .Select(p => new PlanSummary(p.Id, p.Title, p.DocumentNumber, p.IssuedOn, p.ImportedAt))
            .FirstAsync(ct);

        // The plan's tasks in reading order, so a reader can go through them one by one.
        var siblings = await db.Tasks.AsNoTracking().Where(t => t.Group!.PlanId == plan.Id)
            .OrderBy(t => t.Group!.Position).ThenBy(t => t.Number)
            .Select(t => new { t.Id, t.Number, t.Title }).ToListAsync(ct);
        var index = siblings.FindIndex(t => t.Id == id);
        (int, int, string)? previous = index > 0 ? (siblings[index - 1].Id, siblings[index - 1].Number, siblings[index - 1].Title) : null;
        (int, int, string)? next = index < siblings.Count - 1 ? (siblings[index + 1].Id, siblings[index + 1].Number, siblings[index + 1].Title) : null;
        return new Shown(TaskItem.From(task, task.Group!), plan, previous, next, await MeasuresApi.ForTaskAsync(db, id, ct));
    }
}
