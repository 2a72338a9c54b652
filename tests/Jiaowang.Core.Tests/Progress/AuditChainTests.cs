using System.Security.Cryptography;
using Jiaowang.Core.Audit;

namespace Jiaowang.Core.Tests.Progress;

public sealed class AuditChainTests
{
    static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    static List<AuditEntry> Chain(int count, byte[]? key = null)
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
            entry.Hash = AuditChain.ComputeHash(entry, key ?? Key);
            previous = entry.Hash;
            entries.Add(entry);
        }
        return entries;
    }

    static AuditAnchor HeadOf(List<AuditEntry> chain) => AuditAnchor.Sign(chain[^1].Id, chain[^1].Hash, Key);

    [Fact]
    public void An_untouched_chain_verifies_against_its_anchor()
    {
        var chain = Chain(3);
        Assert.Equal(new ChainCheck(true, 3, null, null, 3, 3), AuditChain.Verify(chain, Key, HeadOf(chain)));
    }

    [Fact]
    public void Changing_any_field_of_a_row_or_removing_a_row_is_detected_at_that_row()
    {
        var edited = Chain(3);
        var anchor = HeadOf(edited);
        edited[1].After = "{\"state\":\"returned\"}";
        Assert.Equal((2L, ChainBreak.Altered), (AuditChain.Verify(edited, Key, anchor).FirstBrokenId!.Value, AuditChain.Verify(edited, Key, anchor).Reason));

        var removed = Chain(3);
        anchor = HeadOf(removed);
        removed.RemoveAt(1);
        Assert.Equal(3, AuditChain.Verify(removed, Key, anchor).FirstBrokenId);
    }

    [Fact]
    public void Rewriting_a_row_and_recomputing_every_hash_without_the_key_is_detected()
    {
        var chain = Chain(3);
        var anchor = HeadOf(chain);
        // Whoever holds only the database recomputes the chain from the edited row on, with any key but the real one.
        var forged = Chain(3, RandomNumberGenerator.GetBytes(32));

        var check = AuditChain.Verify(forged, Key, anchor);

        Assert.False(check.Intact);
        Assert.Equal(1, check.FirstBrokenId);
    }

    [Fact]
    public void Deleting_the_newest_entries_or_all_of_them_is_detected_by_the_anchor()
    {
        var chain = Chain(5);
        var anchor = HeadOf(chain);

        var truncated = AuditChain.Verify(chain.Take(3), Key, anchor);
        var emptied = AuditChain.Verify([], Key, anchor);

        Assert.Equal((false, ChainBreak.Truncated, 5L, 3L), (truncated.Intact, truncated.Reason, truncated.FirstBrokenId!.Value, truncated.LastId!.Value));
        Assert.Equal((false, ChainBreak.Truncated, 5L), (emptied.Intact, emptied.Reason, emptied.FirstBrokenId!.Value));
    }

    [Fact]
    public void A_tail_replaced_under_the_anchored_id_or_an_anchor_not_signed_with_the_key_is_detected()
    {
        var chain = Chain(3);
        var other = Chain(3);
        other[2].Actor = "someone";
        other[2].Hash = AuditChain.ComputeHash(other[2], Key);

        Assert.Equal(ChainBreak.AnchorMismatch, AuditChain.Verify(other, Key, HeadOf(chain)).Reason);
        Assert.Equal(ChainBreak.AnchorInvalid, AuditChain.Verify(chain, Key, HeadOf(chain) with { Id = 2, Hash = chain[1].Hash }).Reason);
        Assert.Equal(ChainBreak.AnchorMissing, AuditChain.Verify(chain, Key, null).Reason);
        Assert.True(AuditChain.Verify([], Key, null).Intact);
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
