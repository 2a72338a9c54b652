namespace Jiaowang.Core.Demo;

/// <summary>
/// A record that a plan's supervision data was invented by <c>jiaowang demo generate</c> (演示数据), not reported by
/// people. While a plan has one, every page tells signed-in readers so, and the generator may replace the data; a plan
/// with reports that are not demo never gets one.
/// </summary>
public class DemoRun
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    /// <summary>The seed the data was generated from: the same seed and the same <see cref="Until"/> give the same data.</summary>
    public int Seed { get; set; }
    /// <summary>The last day the generated year reaches; nothing generated happens after it.</summary>
    public DateOnly Until { get; set; }
    /// <summary>When the generator ran (the wall clock; the generated data itself never reads it).</summary>
    public DateTimeOffset GeneratedAt { get; set; }
    public required string GeneratedBy { get; set; }

    /// <summary>Every demo account's user name starts with this, so demo work is recognisable by who did it.</summary>
    public const string UserPrefix = "demo-";
    /// <summary>Demo accounts' addresses are in the reserved .invalid domain: a reminder can never reach a real person.</summary>
    public const string EmailDomain = "demo.invalid";
    /// <summary>Opens every generated report, reading and reminder text.</summary>
    public const string TextMark = "【演示数据】";

    public static bool IsDemoUser(string? userName) => userName?.StartsWith(UserPrefix, StringComparison.Ordinal) == true;
}
