using Jiaowang.Core.Documents;
using Jiaowang.Core.Plans;
using Jiaowang.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Plans;

/// <summary>The words a revision's outcome is told in, on the import page and in the API's refusals.</summary>
public static class RevisionText
{
    /// <summary>Why the revision was not previewed or applied, or null when it was.</summary>
    public static string? Problem(PlanRevisionOutcome outcome, ParsedPlan revised, IStringLocalizer<SharedResource> text) => outcome.Status switch
    {
        PlanRevisionStatus.NotFound => text["Revise.NotFound", outcome.PlanId].Value,
        PlanRevisionStatus.Refused when outcome.Refusal == RevisionRefusal.OtherIssuer =>
            text["Revise.OtherIssuer", revised.DocumentNumber ?? "", outcome.Title ?? ""].Value,
        PlanRevisionStatus.Refused => text["Revise.OtherPlan", revised.Title, outcome.Title ?? ""].Value,
        _ => null,
    };

    public static string Part(RevisionPart part, IStringLocalizer<SharedResource> text) => text[$"Revise.Part.{part}"];
    public static string Change(RevisionChange change, IStringLocalizer<SharedResource> text) => text[$"Revise.Change.{change}"];
}
