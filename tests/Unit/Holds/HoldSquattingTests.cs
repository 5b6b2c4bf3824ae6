using ClinicPortal.Features.Clock;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Holds;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Holds;

/// <summary>
/// The attack that once emptied a doctor's day, replayed on a real SQLite file with the clock in the test's hands: nine
/// patient accounts each hold a Long consultation, let it go just before it runs out and hold again at once, over three
/// hold lifetimes, while another patient looks at the day twice a minute. Holds must leave that patient most of the day.
/// </summary>
public class HoldSquattingTests
{
    private const int Attackers = 9;
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task NineAccountsHoldingAndLettingGoOverAndOver_LeaveAnotherPatientAtLeastThreeQuartersOfTheDaysStarts()
    {
        await using var app = await TestApp.StartAsync();
        var doctor = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.test", Roles.Doctor);
        var attackers = new Guid[Attackers];
        for (var i = 0; i < Attackers; i++)
            attackers[i] = await app.CreateUserAsync($"Squatter {i + 1}", $"s{i + 1}@clinic.test", Roles.Patient);
        var patient = await app.CreateUserAsync("Honest Patient", "honest@clinic.test", Roles.Patient);
        var day = (await app.Get<Features.Scheduling.ScheduleDay.ScheduleDayHandler>().HandleAsync(doctor, A.Tomorrow,
            [new BlockOfTime(new(9, 0), new(15, 0))], Actor.Doctor(doctor))).Value!;
        Assert.Equal(36, day.Slots.Count);

        var catalogue = app.Get<VisitTypeCatalogueReadModel>();
        var consultation = (await catalogue.FindAsync(VisitType.ForSlotCount(1)))!;
        var longConsultation = (await catalogue.FindAsync(VisitType.ForSlotCount(2)))!;
        var availability = app.Get<Availability>();
        var holds = app.Get<HoldHandler>();
        var timers = app.Get<DueTimers>();
        var lifetime = app.Get<Microsoft.Extensions.Options.IOptions<HoldOptions>>().Value.HoldFor;

        async Task<int> StartsOfferedAsync(Domain.VisitTypes.VisitType type) =>
            (await availability.DayAsync(type, A.Tomorrow, byPatient: true)).Clinicians.SelectMany(d => d.Offers).Count();

        Assert.Equal(36, await StartsOfferedAsync(consultation));
        var held = new HoldPlaced?[Attackers];
        var (polls, offered, refusals) = (0, 0, new Dictionary<Rejection, int>());
        var end = app.Clock.GetUtcNow() + 3 * lifetime;
        for (var tick = 0; app.Clock.GetUtcNow() < end; tick++, app.Clock.Advance(Step))
        {
            await timers.RunDueAsync();
            var now = app.Clock.GetUtcNow();
            for (var i = 0; i < Attackers; i++)
            {
                var squatter = Actor.Patient(attackers[i]);
                if (held[i] is { } hold && now < hold.ExpiresAt - Step)
                    continue; // keep it until just before it runs out
                if (held[i] is { } ending)
                    await holds.ReleaseAsync(ending.HoldId, squatter);
                held[i] = null;
                var first = (await availability.DayAsync(longConsultation, A.Tomorrow, byPatient: true)).Clinicians.SelectMany(d => d.Offers).FirstOrDefault();
                if (first is null)
                    continue;
                var placed = await holds.PlaceAsync(attackers[i], first.SlotIds, squatter, longConsultation.Id);
                if (placed.IsAccepted)
                    held[i] = placed.Value;
                else
                    refusals[placed.Rejection!.Value] = refusals.GetValueOrDefault(placed.Rejection!.Value) + 1;
            }
            if (tick % 3 == 0) // the other patient looks twice a minute
            {
                polls++;
                offered += await StartsOfferedAsync(consultation);
            }
        }

        var share = offered / (36.0 * polls);
        var said = $"{share:P0} of the day's starts offered over {polls} looks; refusals: {string.Join(", ", refusals.Select(r => $"{r.Key} {r.Value}"))}";
        Assert.True(share >= 0.75, said);
        Assert.True(refusals.GetValueOrDefault(Rejection.HoldCoolingDown) > 0, said);

        // And the other patient can book one of them there and then.
        var start = (await availability.DayAsync(consultation, A.Tomorrow, byPatient: true)).Clinicians.SelectMany(d => d.Offers).First();
        var own = (await holds.PlaceAsync(patient, start.SlotIds, Actor.Patient(patient), consultation.Id)).Value!;
        Assert.True((await holds.ConfirmAsync(own.HoldId, Actor.Patient(patient))).IsAccepted);
    }

    [Fact]
    public async Task StaffSeeHowMuchOfEachDayIsHeldNow()
    {
        await using var app = await TestApp.StartAsync();
        var doctor = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.test", Roles.Doctor);
        var patient = await app.CreateUserAsync("Patient 1", "p1@clinic.test", Roles.Patient);
        var day = (await app.Get<Features.Scheduling.ScheduleDay.ScheduleDayHandler>().HandleAsync(doctor, A.Tomorrow,
            [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(doctor))).Value!;
        await app.Get<HoldHandler>().PlaceAsync(patient, [day.Slots[0].SlotId, day.Slots[1].SlotId], Actor.Patient(patient), VisitType.ForSlotCount(2));
        var other = await app.CreateUserAsync("Patient 2", "p2@clinic.test", Roles.Patient);
        Assert.True((await app.Get<BookSlotsHandler>().HandleAsync(other, [day.Slots[3].SlotId, day.Slots[4].SlotId], Actor.Patient(other))).IsAccepted);

        var names = Features.Shared.TimeGrid.StaffDays.None;
        var schedule = app.Get<ScheduleReadModel>();
        var column = Features.Shared.TimeGrid.ScheduleColumns.For("Dr Ada Hart", await schedule.ClinicianDayAsync(doctor, A.Tomorrow), [], names, app.Clock.GetUtcNow());
        Assert.Equal("6 slots, 2 booked (1 appointment), 2 held now by patients confirming", column.Note); // slots as the dashboard counts them
        Assert.Equal(["held, free", "held, free", "free"], column.Blocks.Take(3).Select(b => b.Label));

        var later = app.Clock.GetUtcNow() + app.Get<Microsoft.Extensions.Options.IOptions<HoldOptions>>().Value.HoldFor;
        column = Features.Shared.TimeGrid.ScheduleColumns.For("Dr Ada Hart", await schedule.ClinicianDayAsync(doctor, A.Tomorrow), [], names, later);
        Assert.Equal("6 slots, 2 booked (1 appointment)", column.Note); // a hold past its time keeps nothing
    }
}
