using ClinicPortal.Domain.Conflicts;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.CancelAppointment;
using ClinicPortal.Features.Conflicts;
using ClinicPortal.Features.Shared.TimeGrid;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Conflicts;

/// <summary>
/// Reception squeezes a second patient into a doctor's booked time with a reason, on a real SQLite file: the time is offered
/// (marked) only to staff who ask, both bookings hold the slot, the clash is on the conflicts desk until one of them moves,
/// is reassigned or cancelled, and the slot is free only when both have let it go.
/// </summary>
public class ClinicianClashTests
{
    private sealed record Practice(TestApp App, Guid Hart, Guid Okafor, Guid First, Guid Second, DayScheduled HartsDay)
    {
        public Task<Checked<SlotsBooked>> BookAsync(Guid patient, int slot, string? overrideReason = null) =>
            App.Get<BookSlotsHandler>().HandleAsync(patient, [HartsDay.Slots[slot].SlotId], A.Receptionist, overrideReason: overrideReason);

        public Task<IReadOnlyList<OpenConflict>> OpenAsync() => App.Get<ConflictsReadModel>().OpenAsync(App.Clock.GetUtcNow());

        public async Task<ClinicianDaySlot> HartsSlotAsync(int slot) =>
            (await App.Get<ScheduleReadModel>().ClinicianDayAsync(Hart, A.Tomorrow)).Slots.Single(s => s.SlotId == HartsDay.Slots[slot].SlotId);
    }

    /// <summary>Dr Hart 09:00–09:30 with the first patient booked at 09:00; Dr Okafor free 09:00–09:30.</summary>
    private static async Task<(Practice Practice, SlotsBooked FirstAt0900)> StartAsync()
    {
        var app = await TestApp.StartAsync();
        var hart = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.test", Roles.Doctor);
        var okafor = await app.CreateUserAsync("Dr Ben Okafor", "okafor@clinic.test", Roles.Doctor);
        var first = await app.CreateUserAsync("Patient One", "one@clinic.test", Roles.Patient);
        var second = await app.CreateUserAsync("Patient Two", "two@clinic.test", Roles.Patient);
        var schedule = app.Get<Features.Scheduling.ScheduleDay.ScheduleDayHandler>();
        var hartsDay = (await schedule.HandleAsync(hart, A.Tomorrow, [new BlockOfTime(new(9, 0), new(9, 30))], Actor.Doctor(hart))).Value!;
        Assert.True((await schedule.HandleAsync(okafor, A.Tomorrow, [new BlockOfTime(new(9, 0), new(9, 30))], Actor.Doctor(okafor))).IsAccepted);
        var practice = new Practice(app, hart, okafor, first, second, hartsDay);
        return (practice, (await practice.BookAsync(first, 0)).Value!);
    }

    private static string Hm(DateTimeOffset instant) => PracticeTime.ToLocal(instant, A.London).ToString("HH:mm");

    [Fact]
    public async Task TheBookedTimeIsOfferedMarkedOnlyToStaffWhoAsk()
    {
        var (practice, _) = await StartAsync();
        await using var app = practice.App;
        var consultation = (await app.Get<VisitTypeCatalogueReadModel>().FindAsync(VisitType.ForSlotCount(1)))!;
        var availability = app.Get<Availability>();

        var asked = (await availability.DayAsync(consultation, A.Tomorrow, byPatient: false, practice.Hart, clashes: true)).Clinicians.Single();
        Assert.Equal([("09:00", true), ("09:10", false), ("09:20", false)], asked.Offers.Select(o => (Hm(o.StartUtc), o.ClinicianClash)));
        Assert.Equal(["09:10", "09:20"], (await availability.DayAsync(consultation, A.Tomorrow, byPatient: false, practice.Hart)).Clinicians.Single().Offers.Select(o => Hm(o.StartUtc)));
        Assert.Equal(["09:10", "09:20"], (await availability.DayAsync(consultation, A.Tomorrow, byPatient: true, practice.Hart, clashes: true)).Clinicians.Single().Offers.Select(o => Hm(o.StartUtc)));
    }

    [Fact]
    public async Task SqueezingASecondPatientIn_PutsTheClashOnTheDesk_AndTheSlotStaysBookedUntilBothHaveGone()
    {
        var (practice, first) = await StartAsync();
        await using var app = practice.App;

        Assert.Equal(Rejection.SlotAlreadyBooked, (await practice.BookAsync(practice.Second, 0)).Rejection);
        var squeezed = (await practice.BookAsync(practice.Second, 0, "Urgent dressing, Dr Hart agreed")).Value!;

        var conflict = Assert.Single(await practice.OpenAsync());
        Assert.Equal((ConflictKinds.ClinicianDoubleBooked, practice.Hart, "Urgent dressing, Dr Hart agreed"), (conflict.Kind, conflict.ClinicianId, conflict.OverrideReason));
        Assert.Equal(new[] { first.AppointmentId, squeezed.AppointmentId }.Order(), new[] { conflict.AppointmentId, conflict.OtherAppointmentId!.Value }.Order());
        Assert.Equal([first.AppointmentId, squeezed.AppointmentId], (await practice.HartsSlotAsync(0)).Holders);

        // The calendar shows both, side by side in Dr Hart's column.
        var hart = (await app.Get<PeopleDirectory>().FindManyAsync([practice.Hart]))[practice.Hart];
        var days = await app.Get<StaffDayReader>().ReadAsync([(hart, A.Tomorrow)]);
        var column = ScheduleColumns.For("Dr Ada Hart", days.Days[0].Day, days.Days[0].Appointments, days, app.Clock.GetUtcNow());
        var booked = TimeGridLayout.For([column], A.London, app.Clock.GetUtcNow()).Blocks.Where(b => b.Block.Kind == GridBlockKind.Booked).ToArray();
        Assert.Equal([(0, 2), (1, 2)], booked.Select(b => (b.Lane, b.Lanes)).Order());

        var live = await ReadModels.RebuildTests.DumpAsync(app);
        await app.Get<ReadModelRebuilder>().RebuildAllAsync();
        Assert.Equal(live, await ReadModels.RebuildTests.DumpAsync(app));
        await PostgresReplica.AssertSameReadModelsAsync(app); // and the same rows on PostgreSQL

        // The first patient cancels: the clash is over, and 09:00 is the squeezed-in patient's alone.
        Assert.True((await app.Get<CancelAppointmentHandler>().HandleAsync(first.AppointmentId, A.Receptionist)).IsAccepted);
        Assert.Empty(await practice.OpenAsync());
        var slot = await practice.HartsSlotAsync(0);
        Assert.Equal((squeezed.AppointmentId, practice.Second), (slot.AppointmentId, slot.PatientId));
        Assert.Equal(Rejection.SlotAlreadyBooked, (await practice.BookAsync(practice.First, 0)).Rejection);

        Assert.True((await app.Get<CancelAppointmentHandler>().HandleAsync(squeezed.AppointmentId, A.Receptionist)).IsAccepted);
        Assert.False((await practice.HartsSlotAsync(0)).IsBooked);
        Assert.True((await practice.BookAsync(practice.First, 0)).IsAccepted);
    }

    [Fact]
    public async Task TheDeskOffersAColleagueFreeThen_AndReassigningResolvesTheClash()
    {
        var (practice, first) = await StartAsync();
        await using var app = practice.App;
        var squeezed = (await practice.BookAsync(practice.Second, 0, "Seen between patients")).Value!;
        var conflict = Assert.Single(await practice.OpenAsync());
        var reassign = app.Get<Reassignments>();
        var booking = (await app.Get<ScheduleReadModel>().AppointmentAsync(conflict.AppointmentId))!;

        var options = await reassign.OptionsAsync(booking, replacing: conflict.ClinicianId);
        Assert.Equal([practice.Okafor], options.Select(o => o.ClinicianId));
        Assert.True((await reassign.ReassignAsync(conflict.AppointmentId, practice.Okafor, A.Receptionist)).IsAccepted);

        Assert.Empty(await practice.OpenAsync());
        var kept = conflict.AppointmentId == first.AppointmentId ? squeezed.AppointmentId : first.AppointmentId;
        Assert.Equal([kept], (await practice.HartsSlotAsync(0)).Holders);
    }
}
