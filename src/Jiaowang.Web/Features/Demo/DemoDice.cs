using System.Text;

namespace Jiaowang.Web.Features.Demo;

/// <summary>
/// Random numbers for the demo year, one independent stream per thing generated (a report, a target, a unit), each
/// seeded from the run's seed and the thing's stable name. So the same seed gives the same data, and a later
/// <c>until</c> only adds to what an earlier one made instead of reshuffling it: the year unfolds the same way.
/// </summary>
/// <remarks>
/// <see cref="string.GetHashCode()"/> and <see cref="HashCode"/> are randomised per process, so the key is hashed with
/// FNV-1a here; <see cref="Random(int)"/> with a seed is stable across runs and machines.
/// </remarks>
public sealed class DemoDice
{
    readonly Random random;

    public DemoDice(int seed, params object?[] key)
    {
        var text = seed + "|" + string.Join("|", key.Select(k => k?.ToString() ?? "-"));
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 16777619u;
        }
        random = new Random((int)(hash & 0x7FFFFFFF));
    }

    /// <summary>An integer from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public int Between(int min, int max) => random.Next(min, max + 1);

    public bool Chance(double probability) => random.NextDouble() < probability;

    /// <summary>A decimal from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public decimal Between(decimal min, decimal max) => min + (max - min) * (decimal)random.NextDouble();

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Two different items when there are two; otherwise the one twice.</summary>
    public (T, T) PickTwo<T>(IReadOnlyList<T> items)
    {
        var first = random.Next(items.Count);
        if (items.Count < 2) return (items[first], items[first]);
        var second = (first + 1 + random.Next(items.Count - 1)) % items.Count;
        return (items[first], items[second]);
    }

    /// <summary>A time in office hours (08:30–18:00) on <paramref name="day"/>, Beijing time, as the UTC instant it is.</summary>
    public DateTimeOffset OfficeTime(DateOnly day)
    {
        var minutes = 8 * 60 + 30 + random.Next(9 * 60 + 30);
        var local = new DateTimeOffset(day.ToDateTime(new TimeOnly(minutes / 60, minutes % 60, random.Next(60))), Beijing);
        return local.ToUniversalTime();
    }

    /// <summary>China has one time zone and no daylight saving: the office's day is UTC+8.</summary>
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
}
