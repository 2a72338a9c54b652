using System.Security.Claims;
using Jiaowang.Core.Evaluations;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Evaluations;

public enum EvaluationFailure
{
    NotFound,
    Forbidden,
    /// <summary>The vote is not in a state that allows the action: closed, not yet closed, already voted.</summary>
    Conflict,
    Invalid,
}

/// <param name="Field">For <see cref="EvaluationFailure.Invalid"/>: the field the messages are about.</param>
public sealed record EvaluationOutcome(Evaluation? Evaluation, EvaluationFailure? Failure = null, IReadOnlyList<string>? Messages = null, string? Field = null)
{
    public bool Succeeded => Failure is null;
    public string? Message => Messages is { Count: > 0 } m ? string.Join(" ", m) : null;
}

/// <summary>What the office opens and members submit.</summary>
/// <param name="UnitIds">The units on the ballot; leave out for all units of the plan.</param>
public sealed record NewEvaluation(int PlanId, string? Title, DateTimeOffset? ClosesAt, IReadOnlyList<int>? UnitIds);

/// <summary>
/// Opening, closing and voting, shared by the API and the pages: load, check who may, check the rules, save with the
/// audit entry. The ballot's content never reaches the audit log, the logs or a response.
/// </summary>
public sealed class EvaluationActions(JiaowangDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<EvaluationsText> text, IOptions<EvaluationOptions> options)
{
    public static object Snapshot(Evaluation e) => new
    {
        e.PlanId, e.Title, e.ClosesAt, e.ClosedEarlyAt, e.ClosedEarlyBy, e.CloseRequestedBy, e.CloseRequestedAt, e.CloseRequestReason,
        units = e.Units.OrderBy(u => u.Position).Select(u => u.UnitId).ToList(), electors = e.Electors.Count,
    };

    TimeSpan Lifetime => options.Value.CloseRequestLifetime;

    public async Task<EvaluationOutcome> OpenAsync(string actor, NewEvaluation request, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var errors = new List<(string Field, string Message)>();
        var title = request.Title?.Trim() ?? "";
        if (title.Length == 0) errors.Add(("title", text["Open.TitleRequired"]));
        else if (title.Length > 200 || !Ballot.IsPlainText(title)) errors.Add(("title", text["Open.TitleBad"]));
        if (request.ClosesAt is not { } closesAt) errors.Add(("closesAt", text["Open.ClosesAtRequired"]));
        else if (closesAt <= now) errors.Add(("closesAt", text["Open.ClosesAtPast"]));
        if (!await db.Plans.AnyAsync(p => p.Id == request.PlanId, ct)) return new(null, EvaluationFailure.Invalid, [text["Open.UnknownPlan"]], "planId");
        var planUnits = await EvaluationQueries.PlanUnitsAsync(db, request.PlanId, ct);
        var chosen = request.UnitIds is null ? planUnits.Select(u => u.Id).ToList() : request.UnitIds.Distinct().ToList();
        var unknown = chosen.Where(id => planUnits.All(u => u.Id != id)).ToList();
        if (unknown.Count > 0) errors.Add(("unitIds", text["Open.UnknownUnits", string.Join(", ", unknown)]));
        else if (chosen.Count == 0) errors.Add(("unitIds", text["Open.NoUnits"]));
        if (errors.Count > 0) return new(null, EvaluationFailure.Invalid, errors.Select(e => e.Message).ToList(), errors[0].Field);

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
        return new(evaluation);
    }

    public async Task<Evaluation?> FindAsync(int id, CancellationToken ct = default) =>
        await db.Evaluations.Include(e => e.Units).Include(e => e.Electors).FirstOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>The office asks to close the vote early, giving a reason; nothing closes until an admin confirms.</summary>
    public Task<EvaluationOutcome> RequestCloseAsync(ClaimsPrincipal user, int id, string? reason, CancellationToken ct = default) =>
        EarlyCloseStepAsync(user, id, [Roles.Office, Roles.Admin], "Close.OnlyOffice", "close-request", "reason",
            (evaluation, actor, now) => evaluation.RequestClose(actor, reason, now, Lifetime), ct);

    /// <summary>
    /// An admin other than the requester confirms the office's request: the vote closes now and is sealed at once.
    /// Results still open only when enough ballots were cast.
    /// </summary>
    public Task<EvaluationOutcome> ConfirmCloseAsync(ClaimsPrincipal user, int id, CancellationToken ct = default) =>
        EarlyCloseStepAsync(user, id, [Roles.Admin], "Close.OnlyAdmin", "close", null,
            (evaluation, actor, now) => evaluation.ConfirmClose(actor, now, Lifetime), ct,
            (evaluation, now) => EvaluationSealing.SealAsync(db, evaluation, now, options.Value.MinimumBallots, ct));

    /// <summary>An admin refuses the office's request; the vote runs on to its closing time.</summary>
    public Task<EvaluationOutcome> RefuseCloseAsync(ClaimsPrincipal user, int id, CancellationToken ct = default) =>
        EarlyCloseStepAsync(user, id, [Roles.Admin], "Close.OnlyAdmin", "close-refused", null,
            (evaluation, _, now) => evaluation.RefuseClose(now, Lifetime), ct);

    /// <summary>One step of closing early: who may take it, the rule on the evaluation, its audit record, what follows.</summary>
    async Task<EvaluationOutcome> EarlyCloseStepAsync(ClaimsPrincipal user, int id, string[] roles, string onlyWho, string action, string? field,
        Func<Evaluation, string, DateTimeOffset, EarlyCloseError?> step, CancellationToken ct, Func<Evaluation, DateTimeOffset, Task>? then = null)
    {
        var actor = user.Identity?.Name;
        if (actor is null || !roles.Any(user.IsInRole)) return new(null, EvaluationFailure.Forbidden, [text[onlyWho]]);
        if (await FindAsync(id, ct) is not { } evaluation) return new(null, EvaluationFailure.NotFound, [text["Evaluation.NotFound"]]);
        var before = Snapshot(evaluation);
        var now = clock.GetUtcNow();
        if (step(evaluation, actor, now) is { } error) return Refused(evaluation, error, field);
        await audit.SaveAsync(db, actor, () => [new AuditRecord("Evaluation", id.ToString(), action, before, Snapshot(evaluation))], ct);
        if (then is not null) await then(evaluation, now);
        return new(evaluation);
    }

    EvaluationOutcome Refused(Evaluation evaluation, EarlyCloseError error, string? field) => error switch
    {
        EarlyCloseError.ReasonRequired => new(evaluation, EvaluationFailure.Invalid, [text["Close.ReasonRequired"]], field),
        EarlyCloseError.ReasonBad => new(evaluation, EvaluationFailure.Invalid, [text["Close.ReasonBad", Evaluation.ReasonMaxLength]], field),
        EarlyCloseError.SamePerson => new(evaluation, EvaluationFailure.Forbidden, [text["Close.SamePerson"]]),
        _ => new(evaluation, EvaluationFailure.Conflict, [text[$"Close.{error}"]]),
    };

    /// <summary>
    /// Stores a member's ballot: the voter row and the answers in one transaction. The voter row's key refuses a second
    /// ballot, also one racing the first.
    /// </summary>
    public async Task<(EvaluationOutcome Outcome, DateTimeOffset? At)> CastAsync(ClaimsPrincipal user, int id, IReadOnlyList<BallotLine> lines, CancellationToken ct = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var userName = user.Identity?.Name;
        if (userId is null || userName is null || !user.IsInRole(Roles.Member)) return (new(null, EvaluationFailure.Forbidden, [text["Ballot.OnlyMembers"]]), null);
        if (await FindAsync(id, ct) is not { } evaluation) return (new(null, EvaluationFailure.NotFound, [text["Evaluation.NotFound"]]), null);
        if (evaluation.Electors.All(e => e.UserId != userId)) return (new(evaluation, EvaluationFailure.Forbidden, [text["Ballot.NotElector"]]), null);
        var now = clock.GetUtcNow();
        if (evaluation.IsClosed(now)) return (new(evaluation, EvaluationFailure.Conflict, [text["Ballot.Closed", Format.Instant(evaluation.ClosedAt, text)]]), null);
        if (await db.EvaluationVoters.AnyAsync(v => v.EvaluationId == id && v.UserId == userId, ct)) return (AlreadyVoted(evaluation), null);

        var units = evaluation.Units.OrderBy(u => u.Position).Select(u => u.UnitId).ToList();
        var (problems, answers) = Ballot.Check(id, units, lines);
        if (problems.Count > 0)
        {
            var names = await db.Units.Where(u => units.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            var messages = problems.Select(p => text[$"Ballot.{p.Error}", names.GetValueOrDefault(p.UnitId, p.UnitId.ToString()), Ballot.CommentMaxLength].Value).ToList();
            return (new(evaluation, EvaluationFailure.Invalid, messages, "answers"), null);
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
            if (await db.EvaluationVoters.AnyAsync(v => v.EvaluationId == id && v.UserId == userId, ct)) return (AlreadyVoted(evaluation), null);
            throw;
        }
        return (new(evaluation), now);
    }

    EvaluationOutcome AlreadyVoted(Evaluation evaluation) => new(evaluation, EvaluationFailure.Conflict, [text["Ballot.AlreadyVoted"]]);
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
