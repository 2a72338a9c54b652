using Jiaowang.Core.Audit;

namespace Jiaowang.Core.Tests.Progress;

public sealed class AuditChainTests
{
    static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var entry = new AuditEntry
            {
                Id = i, At = AuditChain.Normalize(new DateTimeOffset(2026, 6, 15, 1, 0, i, TimeSpan.Zero).AddTicks(1234567)),
                Actor = "office", Entity = "Report", EntityId = i.ToString(), Action = "accept",
                Before = "{\"state\":\"submitted\"}", After = "{\"state\":\"accepted\"}", PreviousHash = previous, Hash = "",
            };
            entry.Hash = AuditChain.ComputeHash(entry);
            previous = entry.Hash;
            entries.Add(entry);
        }
        return entries;
    }

    [Fact]
    public void An_untouched_chain_verifies()
    {
        Assert.Equal(new ChainCheck(true, 3, null), AuditChain.Verify(Chain(3)));
    }

    [Fact]
    public void Changing_any_field_of_a_row_or_removing_a_row_is_detected_at_that_row()
    {
        var edited = Chain(3);
        edited[1].After = "{\"state\":\"returned\"}";
        Assert.Equal(2, AuditChain.Verify(edited).FirstBrokenId);

        var removed = Chain(3);
        removed.RemoveAt(1);
        Assert.Equal(3, AuditChain.Verify(removed).FirstBrokenId);
    }

    [Fact]
    public void Times_are_kept_to_the_microsecond_so_every_database_returns_what_was_hashed()
    {
        var at = AuditChain.Normalize(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(8)).AddTicks(1234567));

        Assert.Equal(DateTimeKind.Utc, at.Kind);
        Assert.Equal(0, at.Ticks % 10);
        Assert.Equal(1, at.Hour);
    }
}
