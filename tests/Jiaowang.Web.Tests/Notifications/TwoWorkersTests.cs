using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Notifications;

/// <summary>Two app instances on one PostgreSQL database run the delivery job together: each message goes out once.</summary>
public sealed class TwoWorkersTests : IAsyncLifetime
{
    NotificationApp n = null!;
    JiaowangFactory second = null!;

    public async Task InitializeAsync()
    {
        n = await NotificationApp.StartAsync(DatabaseProvider.Postgres);
        second = new JiaowangFactory(n.Factory.Database, configureServices: n.Configure);
        using var _ = second.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await second.DisposeAsync();
        await n.DisposeAsync();
    }

    [Fact]
    public async Task Two_instances_deliver_each_message_once()
    {
        await using (var scope = n.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            for (var i = 0; i < 40; i++)
                db.Deliveries.Add(new Delivery
                {
                    Channel = Channels.WeCom, Address = $"{n.Sink.Root}/robot/{i}", Kind = "test", Subject = $"消息 {i}", Text = "",
                    CreatedAt = n.Clock.GetUtcNow(), DueAt = DeliveryTiming.Ms(n.Clock.GetUtcNow()),
                });
            await db.SaveChangesAsync();
        }

        var rounds = await Task.WhenAll(
            Task.Run(() => n.Worker.RunOnceAsync()),
            Task.Run(() => second.Services.GetRequiredService<DeliveryWorker>().RunOnceAsync()));

        Assert.Equal(40, rounds.Sum());
        Assert.Equal(40, n.Sink.Received.Count);
        Assert.Equal(40, n.Sink.Received.Select(r => r.Path).Distinct().Count());
    }
}
