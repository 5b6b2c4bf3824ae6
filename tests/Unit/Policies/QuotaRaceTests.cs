using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Policies;
using ClinicPortal.Features.Booking.CancelAppointment;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Policies;

/// <summary>The quota policy racing the patient's own cancellation, on a real SQLite file.</summary>
public class QuotaRaceTests
{
    private const int Rounds = 300;

    [Theory, InlineData(TestApp.Sqlite), InlineData(TestApp.Postgres)]
    public async Task ThePolicyRacingThePatientsOwnCancellation_NeverCancelsAnAppointmentThatNoLongerTookThemOver(string provider)
    {
        await using var app = await TestApp.StartAsync(provider: provider);
        var store = app.Get<IEventStore>();
        var policy = app.Get<MonthlyQuotaPolicy>();
        var cancel = app.Get<CancelAppointmentHandler>();

        for (var round = 0; round < Rounds; round++)
        {
            // A patient at 11 slots in a month (a path that skipped the booking decision), on a doctor's day of their own.
            var patient = Guid.NewGuid();
            var doctor = Guid.NewGuid();
            var day = new DayScheduled(doctor, A.Tomorrow, Enumerable.Range(1, 11).Select(n => new ScheduledSlot(Guid.NewGuid(), A.At(A.Tomorrow, 9).AddMinutes(10 * (n - 1)))).ToArray());
            var eleven = day.Slots.Select(slot => new SlotsBooked(Guid.NewGuid(), patient, doctor, A.Tomorrow, [slot], patient.ToString())).ToArray();
            await store.AppendAsync([day, .. eleven], new EventMetadata("test", app.Clock.GetUtcNow()), null);

            // The policy and the patient cancelling their first booking, released together.
            var (_, own) = await Race.BothAtOnceAsync(
                () => policy.ApplyToPatientAsync(patient),
                () => cancel.HandleAsync(eleven[0].AppointmentId, Actor.Patient(patient)));

            Assert.True(own.IsAccepted, $"Round {round}: the patient's own cancellation was refused: {own.Rejection}");
            var log = await store.ReadAsync(Query.Tagged(Tag.Patient(patient)));
            var held = 0;
            var byQuota = 0;
            foreach (var e in log.Events.Select(e => e.Event))
            {
                switch (e)
                {
                    case SlotsBooked booked:
                        held += booked.Slots.Count;
                        break;
                    case AppointmentCancelled { Reason: CancellationReason.QuotaExceeded } cancelled:
                        Assert.True(held > MonthlyQuota.MaxSlotsPerMonth, $"Round {round}: the policy cancelled a booking while the patient held {held} slots");
                        held -= cancelled.Slots.Count;
                        byQuota++;
                        break;
                    case AppointmentCancelled cancelled:
                        held -= cancelled.Slots.Count;
                        break;
                }
            }
            // Either the patient's cancellation came first (10, nothing for the policy), or the policy's did (10, then 9 by their own hand).
            Assert.Equal(byQuota == 0 ? 10 : 9, held);
            Assert.InRange(byQuota, 0, 1);
        }
    }
}
