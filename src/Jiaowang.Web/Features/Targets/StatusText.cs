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
        string reason = l[$"Reason.{a.Reason}", Percent(a.ValueProgress), Percent(a.TimeProgress)];
        // The rule that applied, with its numbers: "基数 127，目标 129，现 128：完成 50%，序时进度 90%".
        if (a.Target is not { } target) return reason;
        var rule = a.Decline ? Decline(l, target, a.Latest, a.Unit) : Rule(l, a.Kind, a.Baseline, target, a.Latest);
        return l["Rule.Join", rule, reason];
    }

    /// <summary>A decline with its numbers: "下降目标 3%，现 下降 3.5%" (a reading is the signed change: −3.5 is 下降 3.5%).</summary>
    public static string Decline(IStringLocalizer<SharedResource> l, decimal target, decimal? latest, string? unit)
    {
        var now = latest switch
        {
            null => "—",
            < 0m => l["Change.Down", Number(-latest.Value) + unit].Value,
            > 0m => l["Change.Up", Number(latest.Value) + unit].Value,
            _ => l["Change.Flat"].Value,
        };
        return l["Rule.Decline", "", Number(target) + unit, now];
    }

    /// <summary>The rule of a kind with its numbers, e.g. "基数 127，目标 129，现 128".</summary>
    public static string Rule(IStringLocalizer<SharedResource> l, TargetKind kind, decimal? baseline, decimal target, decimal? latest) =>
        l[$"Rule.{kind}", Number(baseline ?? 0m), Number(target), latest is { } v ? Number(v) : "—"];

    /// <summary>The kind's name as people read it: 达到型, 累计型 ….</summary>
    public static string KindName(IStringLocalizer<SharedResource> l, TargetKind kind) => l[$"Kind.{kind}"];

    static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    static string JsonNamingPolicyCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
