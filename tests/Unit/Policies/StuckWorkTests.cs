using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Unit.Policies;

/// <summary>A reaction that fails keeps its place in the log, is listed as stuck, and carries on once it gets through.</summary>
public class StuckWorkTests
{
    /// <summary>The real store, refusing the quota policy's appends while <see cref="Failing"/> is set.</summary>
    private sealed class StoreThatRefusesThePolicy(IEventStore inner) : IEventStore
    {
        public volatile bool Failing = true;

        public Task<EventStream> ReadAsync(Query query, CancellationToken ct = default) => inner.ReadAsync(query, ct);
        public Task<long> LastPositionAsync(CancellationToken ct = default) => inner.LastPositionAsync(ct);
        public Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(long position, int maxCount, CancellationToken ct = default) =>
            inner.ReadAfterAsync(position, maxCount, ct);

        public Task<long> AppendAsync(IReadOnlyList<IClinicEvent> events, EventMetadata metadata, AppendCondition? condition, CancellationToken ct = default) =>
            Failing && metadata.CausedBy == Actor.QuotaPolicy.Name
                ? throw new IOException("disk I/O error")
                : inner.AppendAsync(events, metadata, condition, ct);
    }

    [Fact]
    public async Task TheQuotaPolicyFailing_IsListedWithItsError_KeepsItsCheckpoint_AndCancelsOnceRetried()
    {
        StoreThatRefusesThePolicy? store = null;
        await using var app = await TestApp.StartAsync(replace: services =>
        {
            var real = services.Single(s => s.ServiceType == typeof(IEventStore));
            services.Remove(real);
            services.AddSingleton(provider => new StoreThatRefusesThePolicy((IEventStore)ActivatorUtilities.CreateInstance(provider, real.ImplementationType!)));
            services.AddSingleton<IEventStore>(provider => store = provider.GetRequiredService<StoreThatRefusesThePolicy>());
        });
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(A.ClinicianId, A.Tomorrow, [new BlockOfTime(new(9, 0), new(11, 0))], A.Clinician)).Value!;
        for (var i = 0; i < 10; i++)
            await app.BookPastTheDecisionAsync(A.PatientId, day, i);
        var eleventh = await app.BookPastTheDecisionAsync(A.PatientId, day, 10);
        var health = app.Get<ReactionHealth>();
        var policy = app.Get<MonthlyQuotaPolicy>();
        using var stop = new CancellationTokenSource();

        await policy.StartAsync(stop.Token);
        var stuck = await EventuallyAsync(() => health.Stuck.SingleOrDefault(s => s.Reaction == MonthlyQuotaPolicy.Name));
        Assert.Contains("disk I/O error", stuck.LastError);
        Assert.Equal(0, await app.Get<ICheckpoints>().GetAsync(MonthlyQuotaPolicy.Name)); // not moved past the booking it could not judge
        Assert.Null((await app.Get<ScheduleReadModel>().AppointmentAsync(eleventh.AppointmentId))!.Cancelled);

        store!.Failing = false;
        health.RetryNow(MonthlyQuotaPolicy.Name);

        await EventuallyAsync(() => health.Stuck.Count == 0 ? "through" : null);
        Assert.Equal("QuotaExceeded", (await app.Get<ScheduleReadModel>().AppointmentAsync(eleventh.AppointmentId))!.Cancelled);
        await policy.StopAsync(CancellationToken.None);
    }

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe) where T : class
    {
        T? found = null;
        await Poll.AssertAsync(() => (found = probe()) is not null, "it happened", TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50));
        return found!;
    }
}
