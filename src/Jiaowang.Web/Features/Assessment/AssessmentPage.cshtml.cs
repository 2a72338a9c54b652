using System.Globalization;
using Jiaowang.Core.Assessment;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Extensions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Assessment;

/// <summary>
/// 结果考评 for the office: the ranked units with what cost each one points, the Excel export, and the weights form.
/// Weights are posted as text so that a bad one ("abc", "-1", "2.5") is named by its criterion instead of silently read as 0.
/// </summary>
[Authorize(Policy = Policies.Office)]
public sealed class AssessmentPageModel(JiaowangDb db, AssessmentQuery query, AuditLog audit, IStringLocalizer<InstrumentsText> text) : PageModel
{
    public static readonly string[] Codes = AssessmentWeights.Default.All.Select(w => w.Code).ToArray();

    [BindProperty(SupportsGet = true)] public int? PlanId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Phase { get; set; }
    /// <summary>The weights as typed, by criterion code.</summary>
    [BindProperty] public Dictionary<string, string?> Weights { get; set; } = [];
    public AssessmentResult Result { get; private set; } = null!;
    public IReadOnlyList<(int Position, string Name)> Phases { get; private set; } = [];
    public Dictionary<string, string> Problems { get; } = [];
    public bool Saved { get; private set; }

    public string ExportUrl => $"/api/plans/{Result.PlanId}/assessment/assessment.xlsx" + (Phase is { } p ? $"?phase={p}" : "");

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        if (!await LoadAsync(ct)) return NotFound();
        Weights = Result.Weights.All.ToDictionary(w => w.Code, w => (string?)w.Points.ToString(CultureInfo.InvariantCulture));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var planId = PlanId ?? await LatestPlanAsync(ct);
        if (planId is null || !await db.Plans.AnyAsync(p => p.Id == planId, ct)) return NotFound();
        var points = new Dictionary<string, int>();
        foreach (var code in Codes)
        {
            var typed = Weights.GetValueOrDefault(code)?.Trim();
            if (int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 100) points[code] = value;
            else Problems[code] = text["Assessment.WeightRange", text["Criterion." + code]];
        }
        if (Problems.Count == 0)
        {
            var weights = new AssessmentWeights(points["reportsOnTime"], points["acceptedFirstTime"], points["noExtensions"], points["followUpsClosed"],
                points["instructionsAnswered"], points["noticesAnsweredInTime"], points["satisfaction"]);
            var caller = (await HttpContext.GetCallerAsync())!;
            var outcome = await AssessmentApi.SaveWeightsAsync(db, audit, text, planId.Value, weights, caller.UserName, ct);
            if (outcome.Refusal is null)
                return Redirect($"/office/assessment?planId={planId}{(Phase is { } p ? $"&phase={p}" : "")}&saved=true");
            Problems[outcome.Refusal.Errors?.Keys.FirstOrDefault() ?? "reportsOnTime"] = outcome.Refusal.Message;
        }
        PlanId = planId;
        await LoadAsync(ct);
        return Page();
    }

    Task<int?> LatestPlanAsync(CancellationToken ct) => db.Plans.OrderByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);

    async Task<bool> LoadAsync(CancellationToken ct)
    {
        PlanId ??= await LatestPlanAsync(ct);
        if (PlanId is null || await query.RunAsync(PlanId.Value, Phase, ct) is not { } result) return false;
        Result = result;
        Phases = (await db.Phases.Where(p => p.PlanId == PlanId).OrderBy(p => p.Position).Select(p => new { p.Position, p.Name }).ToListAsync(ct))
            .Select(p => (p.Position, p.Name)).ToList();
        return true;
    }

    public string Cost(ScoreItem item) => item.Code == "satisfaction"
        ? text["Assessment.CostSatisfaction", text["Criterion." + item.Code], Points(item.Lost), item.Good]
        : text["Assessment.Cost", text["Criterion." + item.Code], Points(item.Lost), item.Good, item.Of];

    public static string Points(decimal d) => d.ToString("0.#", CultureInfo.InvariantCulture);
}
