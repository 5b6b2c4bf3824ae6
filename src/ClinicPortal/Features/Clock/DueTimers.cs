using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Application.Ports;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Clock;

/// <summary>
/// The practice's clock: does what is due at its time, from the durable timers the log keeps (<c>rm_timers</c>, written in
/// the transaction of the event that makes an action due and deleted by the one that does it). It sleeps until the next
/// due time (or an append, which may bring a sooner one), so it acts within moments of the time, and at start-up it
/// does at once whatever fell due while the app was down. Each action is a decision that does nothing the second time
/// (a hold already confirmed, released or expired gives nothing; an appointment already reminded of its time is not
/// reminded again), so running one twice, or on two machines, does it once. Reminders fall due the practice's reminder
/// hours before each appointment, as set when they are looked for.
/// </summary>
public sealed class DueTimers(
    IHoldQueries timers, CommandExecutor executor, IPracticeRules practice, EventLogSignal signal, TimeProvider time,
    IReactionLeases leases, ILogger<DueTimers> logger)
    : BackgroundService
{
    /// <summary>How long it sleeps with nothing due, at most: a timer written meanwhile wakes it through the log's signal anyway.</summary>
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);

    private const int Batch = 200;

    /// <summary>Does every action due by now; returns how many were done (or found done already).</summary>
    public async Task<int> RunDueAsync(CancellationToken ct = default) => (await RunAsync(ct)).Done;

    /// <summary>Does every action due by now: how many were done (or found done already), and how many were refused (they stay due).</summary>
    private async Task<(int Done, int Refused)> RunAsync(CancellationToken ct)
    {
        var refusals = 0;
        var now = time.GetUtcNow();
        var reminderHours = practice.ReminderHoursBefore;
        var done = 0;
        foreach (var timer in await timers.DueAsync(now, practice.ReminderLead, Batch, ct))
        {
            var result = timer.Kind switch
            {
                TimerKinds.HoldExpiry => (await executor.ExecuteAsync(
                    new ExpireHold(timer.SubjectId, Actor.Timers, now), ct)).Rejection,
                TimerKinds.Reminder => (await executor.ExecuteAsync(
                    new SendReminder(AppointmentId: timer.SubjectId, By: Actor.Timers, Now: now, HoursBefore: reminderHours, TimeSetAt: timer.Since), ct)).Rejection,
                _ => null,
            };
            if (result is { } refused)
            {
                refusals++;
                logger.LogWarning("The {Kind} timer of {Subject} was refused: {Rejection}; it is tried again", timer.Kind, timer.SubjectId, refused);
            }
            else
                done++;
        }
        return (done, refusals);
    }

    /// <summary>The lease's name: with several instances on one database, one of them keeps the practice's clock.</summary>
    public const string Name = "timers";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leases.LeadAsync(Name, KeepTimeAsync, stoppingToken);

    private async Task KeepTimeAsync(IReactionLease lease, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await lease.StillHeldAsync(stoppingToken))
                    return; // another instance keeps the clock now
                var (done, refused) = await RunAsync(stoppingToken);
                var next = await timers.NextDueAsync(time.GetUtcNow(), practice.ReminderLead, stoppingToken);
                var wait = next is { } at ? at - time.GetUtcNow() : Idle;
                // Due already: one that fell due while this run looked is done at once (a millisecond on); one refused is
                // tried again in a second rather than at once.
                if (wait <= TimeSpan.Zero)
                    wait = refused > 0 ? TimeSpan.FromSeconds(1) : done > 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(1);
                if (wait > TimeSpan.Zero)
                    await signal.WaitAsync(wait < Idle ? wait : Idle, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Running due timers failed; trying again in a second");
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
