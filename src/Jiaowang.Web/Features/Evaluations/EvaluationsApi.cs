using Jiaowang.Web.Shared.Access;
using Jiaowang.Core.Evaluations;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Evaluations;

/// <param name="State">open or closed.</param>
/// <param name="EligibleVoters">The electorate: member accounts when the vote opened, as a count.</param>
/// <param name="Voted">For a member: whether they have cast their ballot; null for others.</param>
/// <param name="CloseRequest">The office's pending request to close early, for the office and admins; null otherwise.</param>
public sealed record EvaluationItem(int Id, int PlanId, string Title, string OpenedBy, DateTimeOffset OpenedAt, DateTimeOffset ClosesAt,
    DateTimeOffset? ClosedEarlyAt, string State, IReadOnlyList<EvaluationUnitItem> Units, int EligibleVoters, bool? Voted,
    CloseRequestItem? CloseRequest = null);

/// <summary>The office's request to close a vote early, waiting for an admin until <paramref name="LapsesAt"/>.</summary>
public sealed record CloseRequestItem(int EvaluationId, string RequestedBy, DateTimeOffset RequestedAt, string Reason, DateTimeOffset LapsesAt);

/// <param name="Reason">Why the vote should close before its time; required, plain text, at most 500 characters.</param>
public sealed record CloseRequestBody(string? Reason);

public sealed record ClosedItem(int Id, DateTimeOffset ClosedAt);

public sealed record EvaluationUnitItem(int Id, string Name);

/// <param name="Satisfaction">satisfied (满意), basicallySatisfied (基本满意) or dissatisfied (不满意).</param>
/// <param name="Comment">Optional, plain text, at most 500 characters.</param>
public sealed record BallotAnswer(int UnitId, string? Satisfaction, string? Comment);

/// <param name="Answers">One answer for every unit on the ballot.</param>
public sealed record BallotRequest(IReadOnlyList<BallotAnswer>? Answers);

/// <summary>What a member gets back for a ballot: that it was counted, never what it said.</summary>
public sealed record BallotReceipt(int EvaluationId, bool Voted);

/// <summary>Turnout as counts only: who voted is not shown, so that nobody can be pressed about a vote, nor their ballot singled out.</summary>
public sealed record TurnoutItem(int EvaluationId, int EligibleVoters, int Voters);

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

    public static IServiceCollection AddEvaluations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EvaluationOptions>().Bind(configuration.GetSection("Evaluations")).ValidateDataAnnotations().ValidateOnStart();
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
        evaluations.MapPost("/{id:int}/close-request", RequestClose).RequireAuthorization(Policies.Office)
            .WithSummary("The office asks to close the vote before its time, with a reason; it closes only when an admin confirms.");
        evaluations.MapPost("/{id:int}/close-request/confirm", ConfirmClose).RequireAuthorization(Policies.Admin)
            .WithSummary("An admin other than the requester confirms the request: the vote closes now. Results still need the minimum number of ballots.");
        evaluations.MapPost("/{id:int}/close-request/refuse", RefuseClose).RequireAuthorization(Policies.Admin)
            .WithSummary("An admin refuses the request; the vote runs on to its closing time.");
        evaluations.MapGet("/{id:int}/voters", Voters).RequireAuthorization(Policies.Office).WithSummary("Turnout as counts: the electorate and how many voted, never who.");
        evaluations.MapPost("/{id:int}/ballots", Cast).ScopedTo(Scope.Evaluation).RequireAuthorization(Policies.Member)
            .WithSummary("A council member casts their one ballot: an answer for every unit. A second ballot gets 409, so does one after the close.");
        evaluations.MapGet("/{id:int}/results", Results).ScopedTo(Scope.Evaluation)
            .WithSummary("Tallies, rates and comments per unit; 403 for everyone until the vote has closed, 409 when fewer than Evaluations:MinimumBallots ballots were cast.");
        return evaluations;
    }

    static EvaluationItem ToItem(Evaluation e, IReadOnlyDictionary<int, string> unitNames, DateTimeOffset now, bool? voted, TimeSpan? requestLifetime = null) =>
        new(e.Id, e.PlanId, e.Title, e.OpenedBy, e.OpenedAt, e.ClosesAt, e.ClosedEarlyAt, e.IsClosed(now) ? "closed" : "open",
            e.Units.OrderBy(u => u.Position).Select(u => new EvaluationUnitItem(u.UnitId, unitNames[u.UnitId])).ToList(), e.Electors.Count, voted,
            requestLifetime is { } lifetime ? PendingRequest(e, now, lifetime) : null);

    /// <summary>The pending request to close early, if there is one.</summary>
    public static CloseRequestItem? PendingRequest(Evaluation e, DateTimeOffset now, TimeSpan lifetime) =>
        e.HasPendingCloseRequest(now, lifetime)
            ? new CloseRequestItem(e.Id, e.CloseRequestedBy!, e.CloseRequestedAt!.Value, e.CloseRequestReason!, e.CloseRequestLapsesAt(lifetime)!.Value)
            : null;

    static async Task<Ok<List<EvaluationItem>>> List(Caller caller, JiaowangDb db, TimeProvider clock, IOptions<EvaluationOptions> options, CancellationToken ct)
    {
        var query = db.Evaluations.AsNoTracking().Include(e => e.Units).Include(e => e.Electors).AsSplitQuery();
        var userId = caller.UserId;
        if (!caller.ReadsAll) query = query.Where(e => e.Electors.Any(x => x.UserId == userId));
        var list = await query.OrderByDescending(e => e.Id).ToListAsync(ct);
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var voted = (await db.EvaluationVoters.Where(v => v.UserId == userId).Select(v => v.EvaluationId).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        var lifetime = caller.IsOffice ? options.Value.CloseRequestLifetime : (TimeSpan?)null;
        return TypedResults.Ok(list.Select(e => ToItem(e, names, now, caller.IsMember ? voted.Contains(e.Id) : null, lifetime)).ToList());
    }

    static async Task<Results<Ok<EvaluationItem>, NotFound>> Get(int id, Caller caller, JiaowangDb db, EvaluationActions actions, TimeProvider clock,
        IOptions<EvaluationOptions> options, CancellationToken ct)
    {
        if (await actions.FindAsync(id, ct) is not { } e) return TypedResults.NotFound();
        var userId = caller.UserId;
        if (!caller.ReadsAll && e.Electors.All(x => x.UserId != userId)) return TypedResults.NotFound();
        var unitIds = e.Units.Select(u => u.UnitId).ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        bool? voted = caller.IsMember ? await db.EvaluationVoters.AnyAsync(v => v.EvaluationId == id && v.UserId == userId, ct) : null;
        return TypedResults.Ok(ToItem(e, names, clock.GetUtcNow(), voted, caller.IsOffice ? options.Value.CloseRequestLifetime : null));
    }

    static async Task<Results<Created<EvaluationItem>, Refused>> Open(NewEvaluation request, Caller caller, JiaowangDb db, EvaluationActions actions, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await actions.OpenAsync(caller.UserName, request, ct);
        if (outcome.Refusal is { } refusal) return refusal.ToHttp();
        var e = outcome.Value!;
        var unitIds = e.Units.Select(u => u.UnitId).ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return TypedResults.Created($"/api/evaluations/{e.Id}", ToItem(e, names, clock.GetUtcNow(), null));
    }

    static async Task<Results<Ok<CloseRequestItem>, Refused>> RequestClose(int id, CloseRequestBody request, Caller caller,
        EvaluationActions actions, TimeProvider clock, IOptions<EvaluationOptions> options, CancellationToken ct)
    {
        var outcome = await actions.RequestCloseAsync(caller, id, request.Reason, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(PendingRequest(outcome.Value!, clock.GetUtcNow(), options.Value.CloseRequestLifetime)!);
    }

    static async Task<Results<Ok<ClosedItem>, Refused>> ConfirmClose(int id, Caller caller, EvaluationActions actions, CancellationToken ct)
    {
        var outcome = await actions.ConfirmCloseAsync(caller, id, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Ok(new ClosedItem(id, outcome.Value!.ClosedAt));
    }

    static async Task<Results<NoContent, Refused>> RefuseClose(int id, Caller caller, EvaluationActions actions, CancellationToken ct)
    {
        var outcome = await actions.RefuseCloseAsync(caller, id, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.NoContent();
    }

    static async Task<Results<Ok<TurnoutItem>, NotFound>> Voters(int id, JiaowangDb db, CancellationToken ct)
    {
        if (!await db.Evaluations.AnyAsync(e => e.Id == id, ct)) return TypedResults.NotFound();
        var eligible = await db.EvaluationElectors.CountAsync(e => e.EvaluationId == id, ct);
        var voted = await db.EvaluationVoters.CountAsync(v => v.EvaluationId == id, ct);
        return TypedResults.Ok(new TurnoutItem(id, eligible, voted));
    }

    static async Task<Results<Created<BallotReceipt>, Refused>> Cast(int id, BallotRequest request, Caller caller, EvaluationActions actions, IStringLocalizer<EvaluationsText> text, CancellationToken ct)
    {
        var lines = new List<BallotLine>();
        foreach (var answer in request.Answers ?? [])
        {
            if (answer.Satisfaction is not null && !TryParse(answer.Satisfaction, out _))
                return Refusal.Invalid("answers", text["Ballot.BadSatisfaction", answer.Satisfaction]).ToHttp();
            lines.Add(new BallotLine(answer.UnitId, TryParse(answer.Satisfaction, out var s) ? s : null, answer.Comment));
        }
        var outcome = await actions.CastAsync(caller, id, lines, ct);
        // The receipt repeats nothing of the ballot: a response can be logged or cached on the way.
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Created((string?)null, new BallotReceipt(id, true));
    }

    static async Task<Results<Ok<ResultsItem>, NotFound, ProblemHttpResult>> Results(int id, JiaowangDb db, EvaluationActions actions, TimeProvider clock,
        IOptions<EvaluationOptions> options, IStringLocalizer<EvaluationsText> text, CancellationToken ct)
    {
        if (await actions.FindAsync(id, ct) is not { } evaluation) return TypedResults.NotFound();
        var now = clock.GetUtcNow();
        if (!evaluation.IsClosed(now))
            return TypedResults.Problem(text["Results.NotYet", Format.Instant(evaluation.ClosedAt, text)].Value, statusCode: StatusCodes.Status403Forbidden,
                extensions: new Dictionary<string, object?> { ["reason"] = "notYetClosed", ["closesAt"] = evaluation.ClosedAt });
        var minimum = options.Value.MinimumBallots;
        // A vote that closed by the clock is sealed by the first reader of its results.
        await EvaluationSealing.SealAsync(db, evaluation, now, minimum, ct);
        var results = await EvaluationQueries.ResultsAsync(db, evaluation, now, minimum, ct);
        if (results.Results.TooFewBallots)
            return TypedResults.Problem(text["Results.TooFew", minimum].Value, statusCode: StatusCodes.Status409Conflict, title: text["Results.TooFewTitle"].Value,
                extensions: new Dictionary<string, object?> { ["reason"] = "tooFewBallots", ["minimumBallots"] = minimum, ["voters"] = results.Results.Voters });
        return TypedResults.Ok(ResultsItem.From(results));
    }

    /// <summary>satisfied, basicallySatisfied or dissatisfied, any case; numbers are not accepted.</summary>
    public static bool TryParse(string? value, out Satisfaction satisfaction)
    {
        satisfaction = default;
        return value is not null && value.Length > 0 && char.IsLetter(value[0]) && Enum.TryParse(value, ignoreCase: true, out satisfaction) && Enum.IsDefined(satisfaction);
    }

    public static string Code(Satisfaction s) => char.ToLowerInvariant(s.ToString()[0]) + s.ToString()[1..];
}
