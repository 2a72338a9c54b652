namespace Jiaowang.Core.Network;

public enum AnniversaryKind
{
    /// <summary>Of the relationship between Wuhan and the partner city.</summary>
    Partnership,
    /// <summary>Of China's diplomatic relations with the partner's country (建交周年).</summary>
    DiplomaticRelations,
}

/// <summary>Something whose round anniversaries the office marks: a partnership, or diplomatic relations.</summary>
/// <param name="Key">Stable identity, used as the calendar entry's UID: "partner-12", "country-FR".</param>
/// <param name="Date">The exact day, when known; otherwise only <paramref name="Year"/> is.</param>
public sealed record AnniversarySubject(string Key, AnniversaryKind Kind, int Year, DateOnly? Date, string NameZh, string NameEn);

/// <param name="Date">The day of the anniversary; for a year-only subject, the first day of the window in that year.</param>
/// <param name="DateKnown">False when the source gives only the year: the anniversary falls some time in that year.</param>
public sealed record Anniversary(AnniversarySubject Subject, int Years, DateOnly Date, bool DateKnown);

/// <summary>Round anniversaries (5th, 10th, 15th …) in the coming twelve months. Plain inputs: today is given.</summary>
public static class Anniversaries
{
    public const int Step = 5;

    /// <summary>Whether the office marks this anniversary: every fifth year from the year of establishment.</summary>
    public static bool IsRound(int years) => years > 0 && years % Step == 0;

    /// <summary>
    /// Every round anniversary from <paramref name="today"/> (included) to the same day a year later (excluded), by date.
    /// A subject known only by its year is listed in the anniversary year when the window reaches into that year, dated
    /// on the later of 1 January and today, and flagged: the office then knows the year is a round one but not the day.
    /// </summary>
    public static IReadOnlyList<Anniversary> Within12Months(IEnumerable<AnniversarySubject> subjects, DateOnly today)
    {
        var end = today.AddYears(1);
        var found = new List<Anniversary>();
        foreach (var subject in subjects)
        {
            for (var year = today.Year; year <= end.Year; year++)
            {
                var years = year - subject.Year;
                if (!IsRound(years)) continue;
                if (subject.Date is { } date)
                {
                    // 29 February falls on 28 February in other years.
                    var day = new DateOnly(year, date.Month, Math.Min(date.Day, DateTime.DaysInMonth(year, date.Month)));
                    if (day >= today && day < end) found.Add(new Anniversary(subject, years, day, DateKnown: true));
                }
                else
                {
                    var first = new DateOnly(year, 1, 1);
                    var day = first > today ? first : today;
                    if (day < end) found.Add(new Anniversary(subject, years, day, DateKnown: false));
                }
            }
        }
        return found.OrderBy(a => a.Date).ThenBy(a => a.Subject.Kind).ThenBy(a => a.Subject.NameEn, StringComparer.Ordinal).ToList();
    }
}
