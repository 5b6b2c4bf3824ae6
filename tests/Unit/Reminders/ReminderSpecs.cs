using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Reminders;

/// <summary>
/// The reminder before an appointment: sent once for each time it is at, from the practice's hours before it; a moved
/// appointment is reminded of its new time, a cancelled or marked one never; one booked within the hours needs none.
/// </summary>
public class ReminderSpecs
{
    private static DeciderSpec<SendReminderDecider, SendReminder, AppointmentState, ReminderSent> Reminding => new();

    /// <summary>Tomorrow 09:00 London, the booked slot's start.</summary>
    private static readonly DateTimeOffset Start = A.MorningSlot(1).StartUtc;

    private static readonly SlotsBooked Booked = A.SlotsBooked(A.AppointmentId, A.PatientId, 1);

    /// <summary>The clock's command 24 hours before the start, for a booking made two days before.</summary>
    private static SendReminder Remind(DateTimeOffset? now = null, int hours = 24, DateTimeOffset? setAt = null, Actor? by = null) =>
        new(A.AppointmentId, by ?? Actor.Timers, now ?? Start.AddHours(-hours), hours, setAt ?? Start.AddDays(-2));

    private static ReminderSent Reminded(SlotsBooked booked, int hours = 24, bool skipped = false) =>
        new(booked.AppointmentId, booked.PatientId, booked.ClinicianId, booked.Date, booked.Slots, hours, Skipped: skipped);

    [Fact]
    public void GivenAnAppointment_WhenItsHoursBeforeCome_ThenReminderSent_TaggedAsTheAppointmentAndThePatients()
    {
        var sent = Reminding.Given(A.DayScheduled(1), Booked).When(Remind()).ThenAccepted().Single();
        Assert.Equal(A.Describe(Reminded(Booked)), A.Describe(sent));
        Assert.Equal([Tag.Appointment(A.AppointmentId), Tag.Patient(A.PatientId)], EventTags.Of(sent));
    }

    [Fact]
    public void GivenAnAppointment_BeforeItsHoursBefore_ThenNothingYet_AndAtThemItIsSent()
    {
        Reminding.Given(Booked).When(Remind(now: Start.AddHours(-24).AddMilliseconds(-1))).Then();
        Reminding.Given(Booked).When(Remind(now: Start.AddHours(-3), hours: 3)).ThenAccepted();
    }

    [Fact]
    public void GivenTheReminderSent_WhenTheClockRemindsAgain_ThenNothing() =>
        Reminding.Given(Booked, Reminded(Booked)).When(Remind(now: Start.AddHours(-1))).Then();

    [Fact]
    public void GivenAnAppointmentMovedAfterItsReminder_WhenTheNewTimesHoursCome_ThenItIsRemindedOfTheNewTime()
    {
        var later = A.MorningSlot(4, A.Tomorrow.AddDays(1));
        var moved = new AppointmentMoved(A.AppointmentId, A.PatientId, Booked.VisitType, A.ClinicianId, A.Tomorrow, Booked.Slots, A.ClinicianId, A.Tomorrow.AddDays(1),
            [later], "staff");
        var sent = Reminding.Given(Booked, Reminded(Booked), moved)
            .When(new SendReminder(A.AppointmentId, Actor.Timers, later.StartUtc.AddHours(-24), 24, Start.AddDays(-2))).ThenAccepted().Single();
        Assert.Equal([later], sent.Slots);
        Assert.Equal(later.StartUtc, sent.StartUtc);
    }

    [Fact]
    public void GivenACancelledOrMarkedAppointment_ThenNoReminder()
    {
        var cancelled = new AppointmentCancelled(A.AppointmentId, A.PatientId, A.ClinicianId, A.Tomorrow, Booked.Slots, CancellationReason.Patient, "p");
        Reminding.Given(Booked, cancelled).When(Remind()).Then();
        var dayCancelled = new DayCancelled(A.ClinicianId, A.Tomorrow, "Ill", [A.Slot(1)], [new CancelledAppointment(A.AppointmentId, A.PatientId, Booked.Slots)], "staff");
        Reminding.Given(Booked, dayCancelled).When(Remind()).Then();
        Reminding.Given(Booked, new VisitMarked(A.AppointmentId, A.PatientId, A.ClinicianId, A.Tomorrow, VisitOutcome.Arrived, "staff")).When(Remind()).Then();
        Reminding.Given().When(Remind()).Then();
    }

    [Fact]
    public void GivenAnAppointmentThatHasBegun_OrRemindersOff_ThenNoReminder()
    {
        Reminding.Given(Booked).When(Remind(now: Start)).Then();
        Reminding.Given(Booked).When(Remind(hours: 0, now: Start.AddHours(-1))).Then();
    }

    [Fact]
    public void GivenAnAppointmentMadeWithinTheHours_ThenItIsRecordedRemindedWithNoEmail()
    {
        var sent = Reminding.Given(Booked).When(Remind(now: Start.AddHours(-20), setAt: Start.AddHours(-20))).ThenAccepted().Single();
        Assert.True(sent.Skipped);
        // Booked just before the hours began: its reminder is a real one.
        Assert.False(Reminding.Given(Booked).When(Remind(setAt: Start.AddHours(-24))).ThenAccepted().Single().Skipped);
    }

    [Fact]
    public void OnlyThePracticesClockReminds() =>
        Reminding.Given(Booked).When(Remind(by: A.Receptionist)).ThenRejected(Rejection.NotAllowed);
}
