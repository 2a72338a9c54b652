using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Jiaowang.Core.Services;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Services;

public sealed record SignageInput(string? Place, string? TextSeen, string? Suggested);
public sealed record SignageReceipt(string Reference);

/// <summary>What anyone holding the reference sees: no photo, no reporter, the answering unit by name.</summary>
public sealed record SignageStatusView(string Reference, string Status, string Place, string TextSeen, string? Suggested,
    DateTimeOffset ReportedAt, string? Unit, string? Answer, DateTimeOffset? AnsweredAt, bool Fixed);

/// <summary>The office's and the unit's view of a report.</summary>
public sealed record SignageCase(int Id, string Reference, string Status, string Place, string TextSeen, string? Suggested, bool HasPhoto,
    DateTimeOffset ReportedAt, int? UnitId, string? Unit, string? Answer, bool Fixed);

/// <summary>Reports per client address and hour, whatever the door (form or API): a budget for anonymous writes.</summary>
public sealed class SignageThrottle(IOptions<PortalOptions> options) : IDisposable
{
    readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.SignageReportsPerHour), Window = TimeSpan.FromHours(1), QueueLimit = 0,
        }));

    public bool TryTake(string address)
    {
        using var lease = limiter.AttemptAcquire(address);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}

/// <summary>双语标识 feedback: anyone reports a sign, the office routes it to the responsible unit, the unit answers.</summary>
public sealed class SignageDesk(JiaowangDb db, TimeProvider clock, IStringLocalizer<ServicesText> text, Network.RegistrySync sync)
{
    public const int MaxPlace = 300;
    public const int MaxText = 1000;
    const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<Outcome<SignageReceipt>> SubmitAsync(SignageInput input, byte[]? photo, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Place)) errors["place"] = [text["Signage.PlaceRequired"]];
        else if (input.Place.Length > MaxPlace) errors["place"] = [text["Signage.TooLong", MaxPlace]];
        if (string.IsNullOrWhiteSpace(input.TextSeen)) errors["textSeen"] = [text["Signage.TextRequired"]];
        else if (input.TextSeen.Length > MaxText) errors["textSeen"] = [text["Signage.TooLong", MaxText]];
        if (input.Suggested is { Length: > MaxText }) errors["suggested"] = [text["Signage.TooLong", MaxText]];
        foreach (var (field, value) in new[] { ("place", input.Place), ("textSeen", input.TextSeen), ("suggested", input.Suggested) })
        {
            if (!errors.ContainsKey(field) && Jiaowang.Core.Input.TextInput.Check(value) != Jiaowang.Core.Input.TextProblem.None) errors[field] = [text["Signage.BadText"]];
        }
        SignPhoto.Cleaned? cleaned = null;
        if (photo is { Length: > 0 })
        {
            var (result, problem) = SignPhoto.Clean(photo);
            if (problem is not null) errors["photo"] = [text[problem, SignPhoto.MaxBytes / 1024 / 1024]];
            cleaned = result;
        }
        if (errors.Count > 0) return Refusal.Invalid(errors, string.Join(" ", errors.Values.SelectMany(e => e)));

        var report = new SignageReport
        {
            Reference = NewReference(), Place = input.Place!.Trim(), TextSeen = input.TextSeen!.Trim(),
            Suggested = string.IsNullOrWhiteSpace(input.Suggested) ? null : input.Suggested.Trim(),
            Photo = cleaned?.Bytes, PhotoType = cleaned?.ContentType, ReportedAt = clock.GetUtcNow(), Status = SignageStatus.Received,
        };
        db.SignageReports.Add(report);
        await db.SaveChangesAsync(ct);
        return new SignageReceipt(report.Reference);
    }

    static string NewReference() =>
        "BS-" + new string(RandomNumberGenerator.GetItems<char>(Alphabet, 8));

    public static string Normalise(string? reference) => (reference ?? "").Trim().ToUpperInvariant();

    public async Task<Outcome<SignageStatusView>> StatusAsync(string? reference, CancellationToken ct)
    {
        var wanted = Normalise(reference);
        var report = wanted.Length is > 0 and <= 20 ? await db.SignageReports.AsNoTracking().FirstOrDefaultAsync(r => r.Reference == wanted, ct) : null;
        if (report is null) return Refusal.NotFound(text["Signage.Unknown"]);
        var unit = report.UnitId is { } u ? await db.Units.AsNoTracking().Where(x => x.Id == u).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return new SignageStatusView(report.Reference, PlaceQuery.Code2(report.Status), report.Place, report.TextSeen, report.Suggested,
            report.ReportedAt, unit, report.Answer, report.AnsweredAt, report.Fixed);
    }

    /// <summary>The office sees every report; a liaison the reports routed to their unit.</summary>
    public async Task<List<SignageCase>> CasesAsync(Caller caller, CancellationToken ct)
    {
        var query = db.SignageReports.AsNoTracking();
        if (!caller.IsOffice) query = query.Where(r => r.UnitId != null && r.UnitId == caller.UnitId);
        var rows = await query.OrderByDescending(r => r.Id).Take(500)
            .Select(r => new { r.Id, r.Reference, r.Status, r.Place, r.TextSeen, r.Suggested, HasPhoto = r.Photo != null, r.ReportedAt, r.UnitId, r.Answer, r.Fixed })
            .ToListAsync(ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return rows.Select(r => new SignageCase(r.Id, r.Reference, PlaceQuery.Code2(r.Status), r.Place, r.TextSeen, r.Suggested, r.HasPhoto, r.ReportedAt,
            r.UnitId, r.UnitId is { } u ? units.GetValueOrDefault(u) : null, r.Answer, r.Fixed)).ToList();
    }

    public async Task<Outcome<SignageCase>> RouteAsync(Caller caller, int id, int unitId, CancellationToken ct)
    {
        if (!caller.IsOffice) return Refusal.Forbidden(text["Office.OnlyOffice"]);
        var report = await db.SignageReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return Refusal.NotFound(text["Signage.Unknown"]);
        if (!await db.Units.AnyAsync(u => u.Id == unitId, ct)) return Refusal.Invalid("unitId", text["Office.UnknownUnit"]);
        report.UnitId = unitId;
        if (report.Status == SignageStatus.Received) report.Status = SignageStatus.Routed;
        await db.SaveChangesAsync(ct);
        return (await CasesAsync(caller, ct)).First(c => c.Id == id);
    }

    public async Task<Outcome<SignageCase>> AnswerAsync(Caller caller, int id, string? answer, bool isFixed, CancellationToken ct)
    {
        var report = await db.SignageReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !(caller.IsOffice || (report.UnitId is { } u && caller.UnitId == u))) return Refusal.NotFound(text["Signage.Unknown"]);
        if (string.IsNullOrWhiteSpace(answer)) return Refusal.Invalid("answer", text["Signage.AnswerRequired"]);
        if (answer.Length > 2000) return Refusal.Invalid("answer", text["Signage.TooLong", 2000]);
        report.Answer = answer.Trim();
        report.Fixed = isFixed;
        report.Status = SignageStatus.Answered;
        report.AnsweredAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await sync.RefreshAsync(ct);
        return (await CasesAsync(caller, ct)).First(c => c.Id == id);
    }

    /// <summary>Reports the responsible units answered as fixed: what task 12 counts.</summary>
    public static Task<int> ResolvedAsync(JiaowangDb db, CancellationToken ct) =>
        db.SignageReports.CountAsync(r => r.Status == SignageStatus.Answered && r.Fixed, ct);
}
