using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Network;

/// <summary>
/// Round anniversaries of the coming twelve months: of each active partnership, and of China's diplomatic relations
/// with each country that has an active partner. Shown on the calendar page and served as an iCalendar feed.
/// </summary>
public static class AnniversaryCalendar
{
    public static async Task<IReadOnlyList<Anniversary>> NextTwelveMonthsAsync(JiaowangDb db, CountryCatalog countries, DateOnly today, CancellationToken ct)
    {
        var partners = await db.Partners.AsNoTracking().Where(p => p.Status == PartnerStatus.Active && !p.IsDemo).ToListAsync(ct);
        var subjects = new List<AnniversarySubject>();
        foreach (var p in partners.Where(p => p.EstablishedYear is not null))
        {
            subjects.Add(new AnniversarySubject($"partner-{p.Id}", AnniversaryKind.Partnership, p.EstablishedYear!.Value, p.EstablishedOn,
                p.NameZh ?? p.NameEn, p.NameEn));
        }
        foreach (var code in partners.Select(p => p.CountryCode).Distinct())
        {
            if (countries.ByCode(code) is { RelationsOn: { } on } country)
            {
                subjects.Add(new AnniversarySubject($"country-{code}", AnniversaryKind.DiplomaticRelations, on.Year, on, country.NameZh, country.NameEn));
            }
        }
        return Anniversaries.Within12Months(subjects, today);
    }

    /// <summary>One line a person reads: 武汉—大分市结好 45 周年 / 中法建交 65 周年.</summary>
    public static string Title(Anniversary a, bool english) => (a.Subject.Kind, english) switch
    {
        (AnniversaryKind.Partnership, false) => $"武汉与{a.Subject.NameZh}结好 {a.Years} 周年",
        (AnniversaryKind.Partnership, true) => $"{Ordinal(a.Years)} anniversary of Wuhan–{a.Subject.NameEn} partnership",
        (_, false) => $"中国与{a.Subject.NameZh}建交 {a.Years} 周年",
        _ => $"{Ordinal(a.Years)} anniversary of China–{a.Subject.NameEn} diplomatic relations",
    };

    static string Ordinal(int n) => n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    /// <summary>
    /// The feed: one all-day event per anniversary, with a UID stable across requests (subject and year) so that
    /// Outlook and phones update entries instead of duplicating them.
    /// </summary>
    public static string ToICalendar(IEnumerable<Anniversary> anniversaries, DateTimeOffset now)
    {
        var calendar = new Calendar { ProductId = "-//Wuhan FAO//Jiaowang//ZH" };
        calendar.AddProperty("X-WR-CALNAME", "武汉友城与建交周年 Wuhan partnership anniversaries");
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Shanghai");
        calendar.AddProperty("REFRESH-INTERVAL;VALUE=DURATION", "P1D");
        foreach (var a in anniversaries)
        {
            var note = a.DateKnown ? "" : $"\n具体日期不详，仅知 {a.Subject.Year} 年 / Day unknown: only the year {a.Subject.Year} is recorded.";
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{a.Subject.Key}-{a.Date.Year}@jiaowang.wuhan",
                Summary = Jiaowang.Core.Input.TextInput.StripInvalid(Title(a, english: false) + " · " + Title(a, english: true)),
                Description = Jiaowang.Core.Input.TextInput.StripInvalid($"{a.Subject.Year}{(a.Subject.Date is { } d ? d.ToString("-MM-dd") : "")} → {a.Years}{note}"),
                DtStart = new CalDateTime(a.Date),
                DtEnd = new CalDateTime(a.Date.AddDays(1)),
                DtStamp = new CalDateTime(now.UtcDateTime, "UTC", true),
                Categories = [a.Subject.Kind == AnniversaryKind.Partnership ? "友城周年" : "建交周年"],
                Transparency = "TRANSPARENT",
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
