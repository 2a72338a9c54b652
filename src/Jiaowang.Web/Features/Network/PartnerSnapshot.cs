using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Jiaowang.Core.Network;

namespace Jiaowang.Web.Features.Network;

/// <summary>A partner's editable fields as recorded in its change history (PartnerChange.ChangesJson).</summary>
public sealed record PartnerSnapshot(
    string NameEn, string? NameZh, string CountryCode, string Kind, int? EstablishedYear, DateOnly? EstablishedOn,
    string Status, DateOnly? EndedOn, double? Latitude, double? Longitude, string? Notes, string? Source)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static PartnerSnapshot Of(Partner p) => new(p.NameEn, p.NameZh, p.CountryCode, p.Kind.ToString(), p.EstablishedYear,
        p.EstablishedOn, p.Status.ToString(), p.EndedOn, p.Latitude, p.Longitude, p.Notes, p.Source);

    /// <summary>Each field that differs, as {"status":{"before":"Active","after":"Ended"}}.</summary>
    public static Dictionary<string, object?> Diff(PartnerSnapshot before, PartnerSnapshot after)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in typeof(PartnerSnapshot).GetProperties())
        {
            var (b, a) = (property.GetValue(before), property.GetValue(after));
            if (!Equals(b, a)) changes[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = new { before = b, after = a };
        }
        return changes;
    }
}
