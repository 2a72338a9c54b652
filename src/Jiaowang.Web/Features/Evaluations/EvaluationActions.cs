using Jiaowang.Web.Shared;
using Jiaowang.Core.Evaluations;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Evaluations;

/// <summary>What the office opens and members submit.</summary>
/// <param name="UnitIds">The units on the ballot; leave out for all units of the plan.</param>
public sealed record NewEvaluation(int PlanId, string? Title, DateTimeOffset? ClosesAt, IReadOnlyList<int>? UnitIds);

/// <summary>
/// Opening, closing and voting, shared by the API and the pages: load, check who may, check the rules, save with the
/// audit entry. The ballot's content never reaches the audit log, the logs or a response.
/// </summary>
public sealed class EvaluationActions(JiaowangDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<EvaluationsText> text, IOptions<EvaluationOptions> options,
    Shared.Notifications.INotifier notifier)
{
    public static object Snapshot(Evaluation e) => new
    {
        e.PlanId, e.Title, e.ClosesAt, e.ClosedEarlyAt, e.ClosedEarlyBy, e.CloseRequestedBy, e.CloseRequestedAt, e.CloseRequestReason,
        units = e.Units.OrderBy(u => u.Position).Select(u => u.UnitId).ToList(), electors = e.Electors.Count,
    };

    TimeSpan Lifetime => options.Value.CloseRequestLifetime;

    public async Task<Outcome<Evaluation>> OpenAsync(string actor, NewEvaluation request, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var errors = new List<(string Field, string Message)>();
        var title = request.Title?.Trim() ?? "";
        if (title.Length == 0) errors.Add(("title", text["Open.TitleRequired"]));
        else if (title.Length > 200 || !Ballot.IsPlainText(title)) errors.Add(("title", text["Open.TitleBad"]));
        if (request.ClosesAt is not { } closesAt) errors.Add(("closesAt", text["Open.ClosesAtRequired"]));
        else if (closesAt <= now) errors.Add(("closesAt", text["Open.ClosesAtPast"]));
        if (!await db.Plans.AnyAsync(p => p.Id == request.PlanId, ct)) return Refusal.Invalid("planId", text["Open.UnknownPlan"]);
        var planUnits = await EvaluationQueries.PlanUnitsAsync(db, request.PlanId, ct);
        var chosen = request.UnitIds is null ? planUnits.Select(u => u.Id).ToList() : request.UnitIds.Distinct().ToList();
        var unknown = chosen.Where(id => planUnits.All(u => u.Id != id)).ToList();
        if (unknown.Count > 0) errors.Add(("unitIds", text["Open.UnknownUnits", string.Join(", ", unknown)]));
        else if (chosen.Count == 0) errors.Add(("unitIds", text["Open.NoUnits"]));
        if (errors.Count > 0) return Invalid(errors[0].Field, errors.Select(e => e.Message).ToList());

        // Ballot order follows the plan, whatever order the request listed them in.
        var ordered = planUnits.Select(u => u.Id).Where(chosen.Contains).ToList();
        var memberRole = await db.Roles.Where(r => r.Name == Roles.Member).Select(r => r.Id).FirstAsync(ct);
        var members = await db.UserRoles.Where(ur => ur.RoleId == memberRole).Select(ur => ur.UserId).ToListAsync(ct);
        var evaluation = new Evaluation
        {
            PlanId = request.PlanId, Title = title, OpenedBy = actor, OpenedAt = now, ClosesAt = request.ClosesAt!.Value.ToUniversalTime(),
            Units = ordered.Select((id, i) => new EvaluationUnit { UnitId = id, Position = i + 1 }).ToList(),
            Electors = members.Select(m => new EvaluationElector { UserId = m }).ToList(),
        };
        db.Evaluations.Add(evaluation);
        await audit.SaveAsync(db, actor, () => [new AuditRecord("Evaluation", evaluation.Id.ToString(), "open", null, Snapshot(evaluation))], ct);
        // Members hear that a vote opened, and so do the plan's followers.
        await notifier.PublishAsync(new Shared.Notifications.NotificationEvent("vote.opened", $"满意度测评已开始：{title}", $"Satisfaction vote open: {title}",
            $"截止 {TextSetup.Day(DateOnly.FromDateTime(evaluation.ClosesAt.ToOffset(TimeSpan.FromHours(8)).DateTime))}", null,
            $"/evaluations/{evaluation.Id}/ballot", members, [], "plan", evaluation.PlanId), ct);
        return evaluation;
    }

    /// <summary>Every message under the first field at fault, as the pages list them one by one.</summary>
    static Refusal Invalid(string field, IReadOnlyList<string> messages) =>
        Refusal.Invalid(new Dictionary<string, string[]> { [field] = messages.ToArray() }, string.Join(" ", messages));

    /// <summary>The evaluation with its units and electors, each read by a query of its own: in one, every elector came back once per unit.</summary>
    public async Task<Evaluation?> FindAsync(int id, CancellationToken ct = default) =>
        await db.Evaluations.Include(e => e.Units).Include(e => e.Electors).AsSplitQuery().FirstOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>The office asks to close the vote early, giving a reason; nothing closes until an admin confirms.</summary>
    public Task<Outcome<Evaluation>> RequestCloseAsync(Caller caller, int id, string? reason, CancellationToken ct = default) =>
        EarlyCloseStepAsync(caller, id, [Roles.Office, Roles.Admin], "Close.OnlyOffice", "close-request", "reason",
            (evaluation, actor, now) => evaluation.RequestClose(actor, reason, now, Lifetime), ct);

    /// <summary>
    /// An admin other than the requester confirms the office's request: the vote closes now and is sealed at once.
    /// Results still open only when enough ballots were cast.
    /// </summary>
    public Task<Outcome<Evaluation>> ConfirmCloseAsync(Caller caller, int id, CancellationToken ct = default) =>
        EarlyCloseStepAsync(caller, id, [Roles.Admin], "Close.OnlyAdmin", "close", null,
            (evaluation, actor, now) => evaluation.ConfirmClose(actor, now, Lifetime), ct,
            (evaluation, now) => EvaluationSealing.SealAsync(db, evaluation, now, options.Value.MinimumBallots, ct));

    /// <summary>An admin refuses the office's request; the vote runs on to its closing time.</summary>
    public Task<Outcome<Evaluation>> RefuseCloseAsync(Caller caller, int id, CancellationToken ct = default) =>
        EarlyCloseStepAsync(caller, id, [Roles.Admin], "Close.OnlyAdmin", "close-refused", null,
            (evaluation, _, now) => evaluation.RefuseClose(now, Lifetime), ct);

    /// <summary>One step of closing early: who may take it, the rule on the evaluation, its audit record, what follows.</summary>
    async Task<Outcome<Evaluation>> EarlyCloseStepAsync(Caller caller, int id, string[] roles, string onlyWho, string action, string? field,
        Func<Evaluation, string, DateTimeOffset, EarlyCloseError?> step, CancellationToken ct, Func<Evaluation, DateTimeOffset, Task>? then = null)
    {
        var actor = caller.UserName;
        if (!roles.Any(caller.Roles.Contains)) return Refusal.Forbidden(text[onlyWho]);
        if (await FindAsync(id, ct) is not { } evaluation) return Refusal.NotFound(text["Evaluation.NotFound"]);
        var before = Snapshot(evaluation);
        var now = clock.GetUtcNow();
        if (step(evaluation, actor, now) is { } error) return Refused(error, field);
        await audit.SaveAsync(db, actor, () => [new AuditRecord("Evaluation", id.ToString(), action, before, Snapshot(evaluation))], ct);
        if (then is not null) await then(evaluation, now);
        return evaluation;
    }

    Refusal Refused(EarlyCloseError error, string? field) => error switch
    {
        EarlyCloseError.ReasonRequired => Refusal.Invalid(field ?? "", text["Close.ReasonRequired"]),
        EarlyCloseError.ReasonBad => Refusal.Invalid(field ?? "", text["Close.ReasonBad", Evaluation.ReasonMaxLength]),
        EarlyCloseError.SamePerson => Refusal.Forbidden(text["Close.SamePerson"]),
        _ => Refusal.Conflict(text[$"Close.{error}"]),
    };

    /// <summary>
    /// Stores a member's ballot: the voter row and the answers in one transaction. The voter row's key refuses a second
    /// ballot, also one racing the first.
    /// </summary>
    /// <returns>When the ballot was stored.</returns>
    public async Task<Outcome<DateTimeOffset>> CastAsync(Caller caller, int id, IReadOnlyList<BallotLine> lines, CancellationToken ct = default)
    {
        var (userId, userName) = (caller.UserId, caller.UserName);
        if (!caller.IsMember) return Refusal.Forbidden(text["Ballot.OnlyMembers"]);
        if (await FindAsync(id, ct) is not { } evaluation) return Refusal.NotFound(text["Evaluation.NotFound"]);
        if (evaluation.Electors.All(e => e.UserId != userId)) return Refusal.Forbidden(text["Ballot.NotElector"]);
        var now = clock.GetUtcNow();
        if (evaluation.IsClosed(now)) return Refusal.Conflict(text["Ballot.Closed", Format.Instant(evaluation.ClosedAt, text)]);
        if (await db.EvaluationVoters.AnyAsync(v => v.EvaluationId == id && v.UserId == userId, ct)) return AlreadyVoted();

        var units = evaluation.Units.OrderBy(u => u.Position).Select(u => u.UnitId).ToList();
        var (problems, answers) = Ballot.Check(id, units, lines);
        if (problems.Count > 0)
        {
            var names = await db.Units.Where(u => units.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            var messages = problems.Select(p => text[$"Ballot.{p.Error}", names.GetValueOrDefault(p.UnitId, p.UnitId.ToString()), Ballot.CommentMaxLength].Value).ToList();
            return Invalid("answers", messages);
        }
        db.EvaluationVoters.Add(new EvaluationVoter { EvaluationId = id, UserId = userId, At = now });
        db.EvaluationAnswers.AddRange(answers);
        try
        {
            // The entry says who voted in which evaluation, nothing of what: no before, no after.
            await audit.SaveAsync(db, userName, () => [new AuditRecord("Evaluation", id.ToString(), "ballot", null, null)], ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.EvaluationVoters.AnyAsync(v => v.EvaluationId == id && v.UserId == userId, ct)) return AlreadyVoted();
            throw;
        }
        return now;
    }

    Refusal AlreadyVoted() => Refusal.Conflict(text["Ballot.AlreadyVoted"]);
}

/// <summary>
/// Instants as people read them: in Beijing time, named, whatever the server's own zone is (the form asks for Beijing
/// time, so every time the vote shows is Beijing time too). China has kept UTC+8 without daylight saving since 1991.
/// </summary>
public static class Format
{
    public static readonly TimeZoneInfo Beijing = TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "北京时间", "北京时间");

    public static DateTimeOffset InBeijing(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Beijing);

    /// <summary>A form's datetime-local value, read as Beijing time.</summary>
    public static DateTimeOffset FromBeijing(DateTime local) => new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Beijing.BaseUtcOffset);

    public static string Instant(DateTimeOffset at, IStringLocalizer<EvaluationsText> text)
    {
        var local = InBeijing(at);
        var shown = Shared.TextSetup.IsEnglish
            ? local.ToString("d MMM yyyy HH:mm", Shared.TextSetup.English)
            : $"{local.Year}年{local.Month}月{local.Day}日 {local:HH:mm}";
        return text["Time.Beijing", shown].Value;
    }
}
