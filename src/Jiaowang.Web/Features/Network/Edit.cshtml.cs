using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiaowang.Web.Features.Network;

/// <summary>The office adds a partner or edits one (ending a relationship is an edit: status ended). Post/Redirect/Get.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class EditModel(JiaowangDb db, CountryCatalog countries, PartnerEditor editor) : PageModel
{
    /// <summary>Form fields as strings, so that a bad value comes back to the form as typed, with its message.</summary>
    public sealed class PartnerForm
    {
        public string? CityEn { get; set; }
        public string? CityZh { get; set; }
        public string? Country { get; set; }
        public string? Kind { get; set; }
        public string? YearEstablished { get; set; }
        public string? EstablishedOn { get; set; }
        public string? Status { get; set; } = "active";
        public string? EndedOn { get; set; }
        public string? Latitude { get; set; }
        public string? Longitude { get; set; }
        public string? Notes { get; set; }
        public string? Source { get; set; }
    }

    [BindProperty] public PartnerForm Form { get; set; } = new();
    public int? Id { get; private set; }
    public IReadOnlyDictionary<string, string[]> Problems { get; private set; } = new Dictionary<string, string[]>();
    public IReadOnlyList<Country> Countries => countries.All;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is null) return Page();
        if (await NetworkApi.LoadDetailAsync(db, countries, id.Value, ct) is not { } detail) return NotFound();
        var p = detail.Partner;
        Form = new PartnerForm
        {
            CityEn = p.NameEn, CityZh = p.NameZh, Country = p.CountryCode, Kind = p.Kind, YearEstablished = p.EstablishedYear?.ToString(),
            EstablishedOn = p.EstablishedOn?.ToString("yyyy-MM-dd"), Status = p.Status, EndedOn = p.EndedOn?.ToString("yyyy-MM-dd"),
            Latitude = p.Latitude?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Longitude = p.Longitude?.ToString(System.Globalization.CultureInfo.InvariantCulture), Notes = detail.Notes, Source = p.Source,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var problems = new Dictionary<string, string[]>();
        int? year = null;
        if (!string.IsNullOrWhiteSpace(Form.YearEstablished))
        {
            if (int.TryParse(Form.YearEstablished, out var y)) year = y;
            else problems["year_established"] = [NetworkMessages.Format("Problem.Year", Form.YearEstablished)];
        }
        double? Number(string? text, string column, int limit)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)) return v;
            problems[column] = [NetworkMessages.Format("Problem.Coordinate", text, limit)];
            return null;
        }
        var input = new PartnerInput(Form.CityEn, Form.CityZh, Form.Country, PartnerQuery.ParseKind(Form.Kind) is { } k ? PartnerRows.KindText(k) : Form.Kind,
            year, Form.EstablishedOn, Form.Status, Form.EndedOn, Number(Form.Latitude, "latitude", 90), Number(Form.Longitude, "longitude", 180), Form.Notes, Form.Source);
        if (problems.Count > 0) { Problems = problems; return Page(); }

        var user = (await HttpContext.GetCallerAsync())!.UserName;
        var result = id is { } existing ? await editor.EditAsync(existing, input, user, ct) : await editor.CreateAsync(input, user, ct);
        if (result.NotFound) return NotFound();
        if (result.Partner is not { } saved) { Problems = result.Problems; return Page(); }
        return Redirect($"/partners/{saved.Id}");
    }

    public string? ProblemFor(string column) => Problems.TryGetValue(column, out var m) ? string.Join(" ", m) : null;
}
