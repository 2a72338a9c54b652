using Jiaowang.Web.Shared.Access;
using System.Security.Claims;
using Jiaowang.Core.Evaluations;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Evaluations;

/// <param name="State">open or closed.</param>
/// <param name="Voted">For a member: whether they have cast their ballot; null for others.</param>
public sealed record EvaluationItem(int Id, int PlanId, string Title, string OpenedBy, DateTimeOffset OpenedAt, DateTimeOffset ClosesAt,
    DateTimeOffset? ClosedEarlyAt, string State, IReadOnlyList<EvaluationUnitItem> Units, int EligibleVoters, bool? Voted);

public sealed record EvaluationUnitItem(int Id, string Name);

/// <param name="Satisfaction">satisfied (满意), basicallySatisfied (基本满意) or dissatisfied (不满意).</param>
/// <param name="Comment">Optional, plain text, at most 500 characters.</param>
public sealed record BallotAnswer(int UnitId, string? Satisfaction, string? Comment);

/// <param name="Answers">One answer for every unit on the ballot.</param>
public sealed record BallotRequest(IReadOnlyList<BallotAnswer>? Answers);

/// <summary>What a member gets back for a ballot: that it was counted, never what it said.</summary>
public sealed record BallotReceipt(int EvaluationId, bool Voted);

public sealed record VoterItem(string UserName, string? DisplayName, DateTimeOffset At);

public sealed record TurnoutItem(int EvaluationId, int EligibleVoters, int Voters, IReadOnlyList<VoterItem> Voted);

/// <param name="SatisfiedRate">满意率, 0–1; null when nobody answered about the unit.</param>
/// <param name="ApprovalRate">满意及基本满意率, 0–1.</param>
public sealed record UnitResultItem(int UnitId, string UnitName, int Satisfied, int BasicallySatisfied, int Dissatisfied, int Ballots,
    decimal? SatisfiedRate, decimal? ApprovalRate, IReadOnlyList<string> Comments);

public sealed record ResultsItem(int EvaluationId, int PlanId, string Title, DateTimeOffset ClosedAt, int EligibleVoters, int Voters, IReadOnlyList<UnitResultItem> Units)
{
    public static ResultsItem From(ResultsWithComments r) => new(r.Results.EvaluationId, r.Results.PlanId, r.Results.Title, r.Results.ClosedAt,
        r.Results.EligibleVoters, r.Results.Voters,
        r.Results.Units.Select(u => new UnitResultItem(u.UnitId, u.UnitName, u.Satisfied, u.BasicallySatisfied, u.Dissatisfied, u.Ballots,
            u.SatisfiedRate is { } s ? Math.Round(s, 4) : null, u.ApprovalRate is { } a ? Math.Round(a, 4) : null, r.Comments[u.UnitId])).ToList());
}

public static class EvaluationsApi
{
    /// <summary>Who may read the results once the vote has closed: office, admins, leaders and council members.</summary>
    public const string ResultsPolicy = "EvaluationResults";

    public static IServiceCollection AddEvaluations(this IServiceCollection services)
    {
        services.AddScoped<EvaluationActions>();
        services.AddSingleton<EvaluationSealer>();
        services.AddHostedService(provider => provider.GetRequiredService<EvaluationSealer>());
        services.AddAuthorizationBuilder().AddPolicy(ResultsPolicy, p => p.RequireRole(Roles.Office, Roles.Admin, Roles.Leader, Roles.Member));
        return services;
    }

    public static RouteGroupBuilder MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        var evaluations = app.MapGroup("/api/evaluations").WithTags("Evaluations").RequireAuthorization(ResultsPolicy);
        evaluations.MapGet("/", List).ScopedTo(Scope.Self).WithSummary("Evaluations: all of them for the office and leaders; for a member, those they may vote in, with whether they voted.");
        evaluations.MapGet("/{id:int}", Get).ScopedTo(Scope.Evaluation).WithSummary("One evaluation and the units on its ballot.");
        evaluations.MapPost("/", Open).RequireAuthorization(Policies.Office).WithSummary("The office opens an evaluation on a plan's units (all of them when unitIds is left out) until closesAt.");
        evaluations.MapPost("/{id:int}/close", Close).RequireAuthorization(Policies.Office).WithSummary("The office closes the vote before its closing time.");
        evaluations.MapGet("/{id:int}/voters", Voters).RequireAuthorization(Policies.Office).WithSummary("Turnout: who has voted and when, never what.");
        evaluations.MapPost("/{id:int}/ballots", Cast).ScopedTo(Scope.Evaluation).RequireAuthorization(Policies.Member)
            .WithSummary("A council member casts their one ballot: an answer for every unit. A second ballot gets 409, so does one after the close.");
        evaluations.MapGet("/{id:int}/results", Results).ScopedTo(Scope.Evaluation).WithSummary("Tallies, rates and comments per unit; 403 for everyone until the vote has closed.");
        return evaluations;
    }

    static EvaluationItem ToItem(Evaluation e, IReadOnlyDictionary<int, string> unitNames, DateTimeOffset now, bool? voted) =>
        new(e.Id, e.PlanId, e.Title, e.OpenedBy, e.OpenedAt, e.ClosesAt, e.ClosedEarlyAt, e.IsClosed(now) ? "closed" : "open",
            e.Units.OrderBy(u => u.Position).Select(u => new EvaluationUnitItem(u.UnitId, unitNames[u.UnitId])).ToList(), e.Electors.Count, voted);

    static async Task<Ok<List<EvaluationItem>>> List(ClaimsPrincipal user, JiaowangDb db, TimeProvider clock, CancellationToken ct)
    {
        var query = db.Evaluations.AsNoTracking().Include(e => e.Units).Include(e => e.Electors).AsSplitQuery();
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var readsAll = user.IsInRole(Roles.Office) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Leader);
        if (!readsAll) query = query.Where(e => e.Electors.Any(x => x.UserId == userId));
        var list = await query.OrderByDescending(e => e.Id).ToListAsync(ct);
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var voted = (await db.EvaluationVoters.Where(v => v.UserId == userId).Select(v => v.EvaluationId).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        return TypedResults.Ok(list.Select(e => ToItem(e, names, now, user.IsInRole(Roles.Member) ? voted.Contains(e.Id) : null)).ToList());
    }

    static async Task<Results<Ok<EvaluationItem>, NotFound>> Get(int id, ClaimsPrincipal user, JiaowangDb db, EvaluationActions actions, TimeProvider clock, CancellationToken ct)
    {
        if (await actions.FindAsync(id, ct) is not { } e) return TypedResults.NotFound();
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var readsAll = user.IsInRole(Roles.Office) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Leader);
        if (!readsAll && e.Electors.All(x => x.UserId != userId)) return TypedResults.NotFound();
        var unitIds = e.Units.Select(u => u.UnitId).ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        bool? voted = user.IsInRole(Roles.Member) ? await db.EvaluationVoters.AnyAsync(v => v.EvaluationId == id && v.UserId == userId, ct) : null;
        return TypedResults.Ok(ToItem(e, names, clock.GetUtcNow(), voted));
    }

    static async Task<IResult> Open(NewEvaluation request, ClaimsPrincipal user, JiaowangDb db, EvaluationActions actions, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await actions.OpenAsync(user.Identity!.Name!, request, ct);
        if (!outcome.Succeeded) return Problem(outcome);
        var e = outcome.Evaluation!;
        var unitIds = e.Units.Select(u => u.UnitId).ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return TypedResults.Created($"/api/evaluations/{e.Id}", ToItem(e, names, clock.GetUtcNow(), null));
    }

    static async Task<IResult> Close(int id, ClaimsPrincipal user, EvaluationActions actions, CancellationToken ct)
    {
        var outcome = await actions.CloseAsync(user.Identity!.Name!, id, ct);
        return outcome.Succeeded ? TypedResults.Ok(new { id, closedAt = outcome.Evaluation!.ClosedAt }) : Problem(outcome);
    }

    static async Task<IResult> Voters(int id, JiaowangDb db, CancellationToken ct)
    {
        if (!await db.Evaluations.AnyAsync(e => e.Id == id, ct)) return TypedResults.NotFound();
        var eligible = await db.EvaluationElectors.CountAsync(e => e.EvaluationId == id, ct);
        var voted = await db.EvaluationVoters.AsNoTracking().Where(v => v.EvaluationId == id)
            .Join(db.Users, v => v.UserId, u => u.Id, (v, u) => new { u.UserName, u.DisplayName, v.At }).ToListAsync(ct);
        var list = voted.OrderBy(v => v.UserName, StringComparer.Ordinal).Select(v => new VoterItem(v.UserName!, v.DisplayName, v.At)).ToList();
        return TypedResults.Ok(new TurnoutItem(id, eligible, list.Count, list));
    }

    static async Task<IResult> Cast(int id, BallotRequest request, ClaimsPrincipal user, EvaluationActions actions, IStringLocalizer<EvaluationsText> text, CancellationToken ct)
    {
        var lines = new List<BallotLine>();
        foreach (var answer in request.Answers ?? [])
        {
            if (answer.Satisfaction is not null && !TryParse(answer.Satisfaction, out _))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["answers"] = [text["Ballot.BadSatisfaction", answer.Satisfaction]] }, text["Ballot.BadSatisfaction", answer.Satisfaction]);
            lines.Add(new BallotLine(answer.UnitId, TryParse(answer.Satisfaction, out var s) ? s : null, answer.Comment));
        }
        var (outcome, _) = await actions.CastAsync(user, id, lines, ct);
        // The receipt repeats nothing of the ballot: a response can be logged or cached on the way.
        return outcome.Succeeded ? TypedResults.Created((string?)null, new BallotReceipt(id, true)) : Problem(outcome);
    }

    static async Task<IResult> Results(int id, JiaowangDb db, EvaluationActions actions, TimeProvider clock, IStringLocalizer<EvaluationsText> text, CancellationToken ct)
    {
        if (await actions.FindAsync(id, ct) is not { } evaluation) return TypedResults.NotFound();
        if (!evaluation.IsClosed(clock.GetUtcNow()))
            return TypedResults.Problem(text["Results.NotYet", Format.Instant(evaluation.ClosedAt, clock)].Value, statusCode: StatusCodes.Status403Forbidden);
        // A vote that closed by the clock is sealed by the first reader of its results.
        await EvaluationSealing.SealAsync(db, evaluation, clock.GetUtcNow(), ct);
        return TypedResults.Ok(ResultsItem.From(await EvaluationQueries.ResultsAsync(db, evaluation, ct)));
    }

    /// <summary>satisfied, basicallySatisfied or dissatisfied, any case; numbers are not accepted.</summary>
    public static bool TryParse(string? value, out Satisfaction satisfaction)
    {
        satisfaction = default;
        return value is not null && value.Length > 0 && char.IsLetter(value[0]) && Enum.TryParse(value, ignoreCase: true, out satisfaction) && Enum.IsDefined(satisfaction);
    }

    public static string Code(Satisfaction s) => char.ToLowerInvariant(s.ToString()[0]) + s.ToString()[1..];

    public static IResult Problem(EvaluationOutcome outcome) => outcome.Failure switch
    {
        EvaluationFailure.NotFound => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status404NotFound),
        EvaluationFailure.Forbidden => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status403Forbidden),
        EvaluationFailure.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [outcome.Field ?? ""] = outcome.Messages!.ToArray() }, outcome.Message),
        _ => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status409Conflict),
    };
}
