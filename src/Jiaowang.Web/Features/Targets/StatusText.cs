using System.Globalization;
using Jiaowang.Core.Progress;
using Jiaowang.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Targets;

/// <summary>Status names, colours and reasons as people read them.</summary>
public static class StatusText
{
    /// <summary>The name used in JSON and CSS: onTrack, atRisk, behind, done.</summary>
    public static string Code(Status status) => JsonNamingPolicyCamel(status.ToString());

    public static string Name(IStringLocalizer<SharedResource> l, Status status) => l[$"Status.{status}"];

    public static string Reason(IStringLocalizer<SharedResource> l, StatusAssessment a)
    {
        static string Percent(decimal? share) => share is { } s ? (s * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";
        return l[$"Reason.{a.Reason}", Percent(a.ValueProgress), Percent(a.TimeProgress)];
    }

    static string JsonNamingPolicyCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
