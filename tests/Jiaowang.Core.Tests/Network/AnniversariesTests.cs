using Jiaowang.Core.Network;

namespace Jiaowang.Core.Tests.Network;

public sealed class AnniversariesTests
{
    static AnniversarySubject Subject(string key, int year, DateOnly? date = null) =>
        new(key, AnniversaryKind.Partnership, year, date, key, key);

    [Theory]
    [InlineData(5, true)]
    [InlineData(10, true)]
    [InlineData(45, true)]
    [InlineData(0, false)]
    [InlineData(7, false)]
    [InlineData(12, false)]
    public void Every_fifth_year_counts(int years, bool round) => Assert.Equal(round, Anniversaries.IsRound(years));

    [Fact]
    public void Dated_anniversaries_in_the_next_twelve_months_are_listed_by_date()
    {
        var today = new DateOnly(2026, 6, 15);
        var found = Anniversaries.Within12Months([
            Subject("oita", 1979, new DateOnly(1979, 9, 7)),        // 47 years: not round
            Subject("cheongju", 2001, new DateOnly(2001, 10, 29)),  // 25th on 2026-10-29
            Subject("saratov", 2015, new DateOnly(2015, 8, 6)),     // 11 in 2026, 12 in 2027: no
            Subject("concepcion", 2017, new DateOnly(2017, 4, 7)),  // 10th on 2027-04-07
            Subject("early", 2016, new DateOnly(2016, 6, 1)),       // 10th on 2026-06-01: already past
            Subject("today", 2016, new DateOnly(2016, 6, 15)),      // 10th today: listed
            Subject("late", 2017, new DateOnly(2017, 6, 15)),       // 10th on 2027-06-15: window ends before
        ], today);

        Assert.Equal([("today", 10, new DateOnly(2026, 6, 15)), ("cheongju", 25, new DateOnly(2026, 10, 29)), ("concepcion", 10, new DateOnly(2027, 4, 7))],
            found.Select(a => (a.Subject.Key, a.Years, a.Date)));
        Assert.All(found, a => Assert.True(a.DateKnown));
    }

    [Fact]
    public void A_subject_known_only_by_its_year_is_listed_in_its_round_year_without_a_day()
    {
        var today = new DateOnly(2026, 6, 15);
        var found = Anniversaries.Within12Months([Subject("markham", 2006), Subject("kopavogur", 2007), Subject("none", 2009)], today);

        Assert.Equal([("markham", 20, today, false), ("kopavogur", 20, new DateOnly(2027, 1, 1), false)],
            found.Select(a => (a.Subject.Key, a.Years, a.Date, a.DateKnown)));
    }

    [Fact]
    public void The_29th_of_February_is_marked_on_the_28th_in_other_years()
    {
        var found = Anniversaries.Within12Months([Subject("leap", 2016, new DateOnly(2016, 2, 29))], new DateOnly(2026, 1, 1));
        Assert.Equal(new DateOnly(2026, 2, 28), found.Single().Date);
    }
}
