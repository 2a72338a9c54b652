using Jiaowang.Core.Plans;
using Jiaowang.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiaowang.Web.Features.Notifications;

/// <summary>Someone signed in follows a task, target, unit or plan: its events reach them too.</summary>
public class Follow
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    /// <summary><c>task</c>, <c>target</c>, <c>unit</c> or <c>plan</c> (<see cref="FollowKinds"/>).</summary>
    public required string Kind { get; set; }
    public int SubjectId { get; set; }
    public DateTimeOffset At { get; set; }
}

public static class FollowKinds
{
    public const string Task = "task", Target = "target", Unit = "unit", Plan = "plan";
    public static readonly string[] All = [Task, Target, Unit, Plan];
}

/// <summary>One event in one person's inbox (站内消息). Every event reaches the inbox, whatever else the person chose.</summary>
public class Notification
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    public required string TitleZh { get; set; }
    public required string TitleEn { get; set; }
    public string? BodyZh { get; set; }
    public string? BodyEn { get; set; }
    public string? Link { get; set; }
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

public enum DeliveryState { Pending, Sent, Failed }

/// <summary>
/// The outbox: one message for one outside channel (e-mail, a WeCom robot, SMS) to one address, stored with the event
/// and sent by the delivery job. Times the job compares are Unix milliseconds, which both databases order alike.
/// </summary>
public class Delivery
{
    public int Id { get; set; }
    /// <summary><c>email</c>, <c>wecom</c> or <c>sms</c> (<see cref="Channels"/>).</summary>
    public required string Channel { get; set; }
    public required string Address { get; set; }
    /// <summary>The person it is for; null for a unit's group robot.</summary>
    public string? UserId { get; set; }
    public int? UnitId { get; set; }
    public required string Kind { get; set; }
    public required string Subject { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Not before (quiet hours, digest hour, back-off after a failure).</summary>
    public long DueAt { get; set; }
    /// <summary>Held for the person's daily digest: sent with the others due for the same address, as one message.</summary>
    public bool Digest { get; set; }
    public DeliveryState State { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>An instance claimed the row until then (Unix ms): no other instance sends it meanwhile.</summary>
    public long? LeaseUntil { get; set; }
    public string? LeaseOwner { get; set; }
}

public static class Channels
{
    public const string Email = "email", WeCom = "wecom", Sms = "sms";
}

/// <summary>A person's channels: the inbox always; e-mail, their own WeCom robot, SMS; quiet hours and a daily digest.</summary>
public class NotificationPreference
{
    public required string UserId { get; set; }
    public bool Email { get; set; } = true;
    public bool WeCom { get; set; }
    public string? WeComUrl { get; set; }
    public bool Sms { get; set; }
    /// <summary>No outside delivery from this local time to <see cref="QuietTo"/>; what falls in between goes at the end.</summary>
    public TimeOnly? QuietFrom { get; set; }
    public TimeOnly? QuietTo { get; set; }
    public bool Digest { get; set; }
}

/// <summary>A unit's group robot (群机器人) in WeCom / 政务微信, set by the office: the unit's events are posted there too.</summary>
public class UnitRobot
{
    public int UnitId { get; set; }
    public required string Url { get; set; }
}

/// <summary>A background sweep's memory: an event with this key was raised (a follow-up due), or a subject's last colour.</summary>
public class NotificationMark
{
    public required string Key { get; set; }
    public string? Value { get; set; }
    public DateTimeOffset At { get; set; }
}

sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> follow)
    {
        follow.Property(f => f.Kind).HasMaxLength(10);
        follow.HasOne<JiaowangUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        follow.HasIndex(f => new { f.UserId, f.Kind, f.SubjectId }).IsUnique();
        follow.HasIndex(f => new { f.Kind, f.SubjectId });
    }
}

sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> n)
    {
        n.Property(x => x.Kind).HasMaxLength(40);
        n.Property(x => x.TitleZh).HasMaxLength(400);
        n.Property(x => x.TitleEn).HasMaxLength(400);
        n.Property(x => x.BodyZh).HasMaxLength(4000);
        n.Property(x => x.BodyEn).HasMaxLength(4000);
        n.Property(x => x.Link).HasMaxLength(400);
        n.HasOne<JiaowangUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        n.HasIndex(x => new { x.UserId, x.ReadAt });
    }
}

sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> d)
    {
        d.ToTable("Deliveries");
        d.Property(x => x.Channel).HasMaxLength(10);
        d.Property(x => x.Address).HasMaxLength(600);
        d.Property(x => x.Kind).HasMaxLength(40);
        d.Property(x => x.Subject).HasMaxLength(400);
        d.Property(x => x.Text).HasMaxLength(8000);
        d.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
        d.Property(x => x.LastError).HasMaxLength(1000);
        d.Property(x => x.LeaseOwner).HasMaxLength(60);
        d.HasIndex(x => new { x.State, x.DueAt });
    }
}

sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> p)
    {
        p.HasKey(x => x.UserId);
        p.Property(x => x.WeComUrl).HasMaxLength(600);
        p.HasOne<JiaowangUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class UnitRobotConfiguration : IEntityTypeConfiguration<UnitRobot>
{
    public void Configure(EntityTypeBuilder<UnitRobot> r)
    {
        r.HasKey(x => x.UnitId);
        r.Property(x => x.Url).HasMaxLength(600);
        r.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class NotificationMarkConfiguration : IEntityTypeConfiguration<NotificationMark>
{
    public void Configure(EntityTypeBuilder<NotificationMark> m)
    {
        m.HasKey(x => x.Key);
        m.Property(x => x.Key).HasMaxLength(100);
        m.Property(x => x.Value).HasMaxLength(40);
    }
}
