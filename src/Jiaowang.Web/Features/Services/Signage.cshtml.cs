using Jiaowang.Web.Features.Accounts;

namespace Jiaowang.Web.Features.Services;

/// <summary>The public signage form (no account) and the lookup by reference number.</summary>
public sealed class SignageModel(SignageDesk desk, SignageThrottle throttle) : PortalPage
{
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? TextSeen { get; set; }
    [BindProperty] public string? Suggested { get; set; }
    [BindProperty] public IFormFile? Photo { get; set; }
    [BindProperty(SupportsGet = true)] public string? Reference { get; set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public IActionResult OnGet() =>
        string.IsNullOrWhiteSpace(Reference) ? Page() : Redirect($"/{Lang}/services/signage/{Uri.EscapeDataString(SignageDesk.Normalise(Reference))}");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!throttle.TryTake(SignInThrottle.AddressOf(HttpContext)))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Problems = [HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<ServicesText>>()["Signage.TooMany"]];
            return Page();
        }
        var bytes = await ServicesApi.ReadPhotoAsync(Photo, ct);
        if (bytes is null && Photo is { Length: > 0 })
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Problems = [HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<ServicesText>>()["Photo.TooLarge", Core.Services.SignPhoto.MaxBytes / 1024 / 1024]];
            return Page();
        }
        var outcome = await desk.SubmitAsync(new SignageInput(Place, TextSeen, Suggested), bytes, ct);
        if (outcome.Refusal is { } refusal)
        {
            Response.StatusCode = refusal.Status;
            Problems = refusal.Messages;
            return Page();
        }
        return Redirect($"/{Lang}/services/signage/{outcome.Value!.Reference}?new=1");
    }
}

/// <summary>A report's public status by its reference number.</summary>
public sealed class SignageStatusModel(SignageDesk desk) : PortalPage
{
    [BindProperty(SupportsGet = true)] public string? Reference { get; set; }
    [BindProperty(SupportsGet = true, Name = "new")] public bool Fresh { get; set; }
    public SignageStatusView Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await desk.StatusAsync(Reference, ct);
        if (outcome.Value is not { } report) return NotFound();
        Report = report;
        return Page();
    }
}
