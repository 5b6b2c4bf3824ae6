using System.Collections.Concurrent;
using System.Diagnostics;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Infrastructure.ReadModels;

namespace ClinicPortal.Benchmarks;

public sealed record Throughput(string Name, int Operations, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;
}

/// <summary>The booking handler end to end in process: read, decide, append with condition, read-model update.</summary>
public static class BookingScenarios
{
    public static readonly Guid[] Clinicians = Enumerable.Range(1, 5).Select(i => Guid.Parse($"00000000-0000-0000-0000-00000000000{i}")).ToArray();

    /// <summary>Every clinician offers 09:00–15:00 (36 slots) on <paramref name="days"/> days from tomorrow.</summary>
    public static async Task<List<ScheduledSlot>> ScheduleAsync(Harness app, int firstDay, int days)
    {
        var schedule = app.Get<ScheduleDayHandler>();
        var today = app.Get<PracticeClock>().Today;
        var slots = new ConcurrentBag<ScheduledSlot>();
        await Parallel.ForEachAsync(
            Enumerable.Range(firstDay, days).SelectMany(d => Clinicians.Select(clinician => (Day: today.AddDays(d), Clinician: clinician))),
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (work, _) =>
            {
                var result = await schedule.HandleAsync(work.Clinician, work.Day, [new BlockOfTime(new(9, 0), new(15, 0))], Actor.Doctor(work.Clinician));
                foreach (var slot in result.Value!.Slots) slots.Add(slot);
            });
        return slots.OrderBy(s => s.StartUtc).ToList();
    }

    public static Task<Throughput> BookAsync(Harness app, string name, IReadOnlyList<Guid> slots, int callers, int attemptsPerSlot = 1) =>
        BookAsync([app], name, slots, callers, attemptsPerSlot);

    /// <summary>The callers shared out over <paramref name="instances"/> (app instances on one database), caller i on instance i mod n.</summary>
    public static async Task<Throughput> BookAsync(IReadOnlyList<Harness> instances, string name, IReadOnlyList<Guid> slots, int callers, int attemptsPerSlot = 1)
    {
        var handlers = instances.Select(app => app.Get<BookSlotsHandler>()).ToArray();
        var work = new ConcurrentQueue<Guid>(slots.SelectMany(slot => Enumerable.Repeat(slot, attemptsPerSlot)));
        var latencies = new ConcurrentBag<double>();
        var accepted = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var book = handlers[caller % handlers.Length];
            while (work.TryDequeue(out var slot))
            {
                var patient = Guid.NewGuid();
                var started = Stopwatch.GetTimestamp();
                var result = await book.HandleAsync(patient, [slot], Actor.Patient(patient));
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (result.IsAccepted) Interlocked.Increment(ref accepted);
                else if (result.Rejection != Rejection.SlotAlreadyBooked)
                    throw new InvalidOperationException($"Unexpected rejection {result.Rejection}");
            }
        })));
        var elapsed = watch.Elapsed;
        if (accepted != slots.Count)
            throw new InvalidOperationException($"{name}: {accepted} bookings for {slots.Count} slots.");
        var sorted = latencies.Order().ToArray();
        return new Throughput(name, sorted.Length, elapsed, Measure.Percentile(sorted, 50), Measure.Percentile(sorted, 99));
    }

    /// <summary>A year of a five-clinician practice in the log; then the available slots of one day, read again and again.</summary>
    public static async Task<(int Events, double P50, double P99, double Max)> AvailableSlotsReadAsync(Harness app, int reads)
    {
        var slots = await ScheduleAsync(app, 1, 365);
        var random = new Random(7);
        await BookAsync(app, "history", slots.Where(_ => random.NextDouble() < 0.5).Select(s => s.SlotId).ToArray(), callers: 50);
        var events = await app.Get<Application.IEventStore>().LastPositionAsync();

        var schedule = app.Get<ScheduleReadModel>();
        var clock = app.Get<PracticeClock>();
        var day = clock.Today.AddDays(180);
        for (var i = 0; i < 200; i++) await schedule.AvailableSlotsAsync(day, clock.Now); // warm up
        var latencies = new double[reads];
        for (var i = 0; i < reads; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var available = await schedule.AvailableSlotsAsync(day, clock.Now);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (available.Count != Clinicians.Length) throw new InvalidOperationException("The day should list five clinicians.");
        }
        Array.Sort(latencies);
        return ((int)events, Measure.Percentile(latencies, 50), Measure.Percentile(latencies, 99), latencies[^1]);
    }
}
