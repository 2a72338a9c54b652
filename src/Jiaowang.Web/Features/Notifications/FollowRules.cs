using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Notifications;

public sealed record FollowRequest(string? Kind, int? Id);

/// <param name="Title">The subject's name, as its page shows it.</param>
public sealed record FollowItem(string Kind, int Id, string Title, string Link, DateTimeOffset At);

/// <summary>
/// Following a task, target, unit or plan. Tasks, targets and plans are published to everyone signed in; a unit is
/// followed by staff who read every unit and by its own liaison only: another unit's reports, instructions and
/// overdue items are not a liaison's to see, so following that unit is refused as if it did not exist.
/// </summary>
public sealed class FollowRules(JiaowangDb db, TimeProvider clock, IStringLocalizer<NotificationsText> text)
{
    public async Task<Outcome<FollowItem>> FollowAsync(Caller caller, FollowRequest request, CancellationToken ct = default)
    {
        if (request.Kind is not { } kind || !FollowKinds.All.Contains(kind)) return Refusal.Invalid("kind", text["Follow.BadKind"]);
        if (request.Id is not { } id) return Refusal.Invalid("id", text["Follow.IdRequired"]);
        var subject = await VisibleSubjectAsync(caller, kind, id, ct);
        if (subject is not var (title, link)) return Refusal.NotFound(text["Follow.NotFound"]);
        var existing = await db.Set<Follow>().FirstOrDefaultAsync(f => f.UserId == caller.UserId && f.Kind == kind && f.SubjectId == id, ct);
        if (existing is null)
        {
            existing = new Follow { UserId = caller.UserId, Kind = kind, SubjectId = id, At = clock.GetUtcNow() };
            db.Add(existing);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (Shared.ConflictExceptionHandler.IsLostRace(e))
            {
                // The same person's second click raced the first: following once is what both asked for.
                db.Entry(existing).State = EntityState.Detached;
                existing = await db.Set<Follow>().AsNoTracking().FirstAsync(f => f.UserId == caller.UserId && f.Kind == kind && f.SubjectId == id, ct);
            }
        }
        return new FollowItem(kind, id, title, link, existing.At);
    }

    public async Task<Outcome<bool>> UnfollowAsync(Caller caller, string kind, int id, CancellationToken ct = default)
    {
        var existing = await db.Set<Follow>().FirstOrDefaultAsync(f => f.UserId == caller.UserId && f.Kind == kind && f.SubjectId == id, ct);
        if (existing is null) return Refusal.NotFound(text["Follow.NotFollowing"]);
        db.Remove(existing);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Everything the person follows, as (kind, id): one read for all the buttons of a page.</summary>
    public async Task<IReadOnlySet<(string Kind, int Id)>> FollowedAsync(string userId, CancellationToken ct = default) =>
        (await db.Set<Follow>().AsNoTracking().Where(f => f.UserId == userId).Select(f => new { f.Kind, f.SubjectId }).ToListAsync(ct))
            .Select(f => (f.Kind, f.SubjectId)).ToHashSet();

    /// <summary>Whether the caller may follow a subject of this kind at all: a unit only when they may read it.</summary>
    public static bool MayFollow(Caller caller, string kind, int id) => kind != FollowKinds.Unit || caller.CanSee(id);

    public async Task<List<FollowItem>> ListAsync(Caller caller, CancellationToken ct = default)
    {
        var follows = await db.Set<Follow>().AsNoTracking().Where(f => f.UserId == caller.UserId).OrderByDescending(f => f.Id).ToListAsync(ct);
        var items = new List<FollowItem>();
        foreach (var f in follows)
        {
            var (title, link) = await SubjectAsync(f.Kind, f.SubjectId, ct) ?? ("—", "/");
            items.Add(new FollowItem(f.Kind, f.SubjectId, title, link, f.At));
        }
        return items;
    }

    /// <summary>Whether the caller may follow it (see the class summary), with its title; null when it does not exist for them.</summary>
    public async Task<(string Title, string Link)?> VisibleSubjectAsync(Caller caller, string kind, int id, CancellationToken ct)
    {
        return MayFollow(caller, kind, id) ? await SubjectAsync(kind, id, ct) : null;
    }

    /// <summary>The subject's title and page (a target's row on its plan's overview), or null when there is none.</summary>
    public async Task<(string Title, string Link)?> SubjectAsync(string kind, int id, CancellationToken ct)
    {
        switch (kind)
        {
            case FollowKinds.Task:
                var task = await db.Tasks.Where(t => t.Id == id).Select(t => t.Number + ". " + t.Title).FirstOrDefaultAsync(ct);
                return task is null ? null : (task, $"/tasks/{id}");
            case FollowKinds.Target:
                var target = await db.Targets.Where(t => t.Id == id).Select(t => new { t.Text, t.Group!.PlanId }).FirstOrDefaultAsync(ct);
                return target is null ? null : (target.Text, $"/plans/{target.PlanId}#target-{id}");
            case FollowKinds.Unit:
                var unit = await db.Units.Where(u => u.Id == id).Select(u => u.Name).FirstOrDefaultAsync(ct);
                return unit is null ? null : (unit, $"/units/{id}");
            case FollowKinds.Plan:
                var plan = await db.Plans.Where(p => p.Id == id).Select(p => p.Title).FirstOrDefaultAsync(ct);
                return plan is null ? null : (plan, $"/plans/{id}");
            default:
                return null;
        }
    }

    /// <summary>The plan a task or target belongs to (its followers hear the plan's events), or the plan itself.</summary>
    public static async Task<int?> PlanOfAsync(JiaowangDb db, string? kind, int? id, CancellationToken ct) => (kind, id) switch
    {
        (FollowKinds.Plan, { } p) => p,
        (FollowKinds.Task, { } t) => await db.Tasks.Where(x => x.Id == t).Select(x => (int?)x.Group!.PlanId).FirstOrDefaultAsync(ct),
        (FollowKinds.Target, { } t) => await db.Targets.Where(x => x.Id == t).Select(x => (int?)x.Group!.PlanId).FirstOrDefaultAsync(ct),
        _ => null,
    };
}
