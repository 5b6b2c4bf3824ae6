using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.Policies;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Policies;

/// <summary>
/// Patients book online from the practice's notice to its days ahead, and cancel or move online until its cut-off; staff
/// always may. Now is Monday 08:00; the slots are Tuesday from 09:00 (25 hours ahead).
/// </summary>
public class BookingWindowSpecs
{
    private static DeciderSpec<BookSlotsDecider, BookSlots, AppointmentToBook, SlotsBooked> Appointment => new();
    private static DeciderSpec<CancelAppointmentDecider, CancelAppointment, AppointmentState, AppointmentCancelled> Cancelling => new();
    private static DeciderSpec<MoveAppointmentDecider, MoveAppointment, MoveRequest, AppointmentMoved> Moving => new();

    private static BookSlots Book(BookingWindow window, Actor? by = null, DateTimeOffset? now = null) =>
        new(A.AppointmentId, A.PatientId, [A.Slot(1)], by ?? A.Patient, now ?? A.Now, Window: window);

    [Fact]
    public void WithTheDefaultWindow_APatientBooks25HoursAhead() =>
        Appointment.Given(A.DayScheduled(1)).When(Book(BookingWindow.Default)).ThenAccepted();

    [Fact]
    public void WithinTheNotice_APatientIsRefused_AppointmentTooSoon_ButStaffBook()
    {
        var lateEvening = A.MorningSlot(1).StartUtc.AddHours(-1);
        Appointment.Given(A.DayScheduled(1)).When(Book(BookingWindow.Default, now: lateEvening)).ThenRejected(Rejection.BookingTooSoon);
        Appointment.Given(A.DayScheduled(1)).When(Book(BookingWindow.Default, A.Receptionist, lateEvening)).ThenAccepted();
        Appointment.Given(A.DayScheduled(1)).When(Book(BookingWindow.Default, now: A.MorningSlot(1).StartUtc.AddHours(-2))).ThenAccepted(); // exactly the notice
    }

    [Fact]
    public void BeyondTheDaysAhead_APatientIsRefused_AppointmentTooFarAhead() =>
        Appointment.Given(A.DayScheduled(1)).When(Book(new BookingWindow(MaxDaysAhead: 1))).ThenRejected(Rejection.BookingTooFarAhead);

    [Fact]
    public void WithinTheCutOff_APatientCannotCancelOrMoveOnline_ButStaffCan()
    {
        var booked = A.SlotsBooked(A.AppointmentId, A.PatientId, 1);
        var window = new BookingWindow(CancelCutoffHours: 48);
        Cancelling.Given(booked).When(new CancelAppointment(A.AppointmentId, CancellationReason.Patient, A.Patient, A.Now, window)).ThenRejected(Rejection.TooLateToChangeOnline);
        Cancelling.Given(booked).When(new CancelAppointment(A.AppointmentId, CancellationReason.Staff, A.Receptionist, A.Now, window)).ThenAccepted();
        Cancelling.Given(booked).When(new CancelAppointment(A.AppointmentId, CancellationReason.Patient, A.Patient, A.Now, BookingWindow.Default)).ThenAccepted();

        var move = new MoveAppointment(A.AppointmentId, A.PatientId, booked.VisitType, [A.Slot(2)], A.Patient, A.Now, Window: window);
        Moving.Given(A.DayScheduled(1, 2), booked).When(move).ThenRejected(Rejection.TooLateToChangeOnline);
        Moving.Given(A.DayScheduled(1, 2), booked).When(move with { By = A.Receptionist }).ThenAccepted();
    }

    [Fact]
    public void AMoveToATimeWithinTheNotice_IsRefusedToAPatient()
    {
        var booked = A.SlotsBooked(A.AppointmentId, A.PatientId, 2);
        var now = A.MorningSlot(1).StartUtc.AddHours(-1);
        var move = new MoveAppointment(A.AppointmentId, A.PatientId, booked.VisitType, [A.Slot(1)], A.Patient, now, Window: new BookingWindow(CancelCutoffHours: 0));
        Moving.Given(A.DayScheduled(1, 2), booked).When(move).ThenRejected(Rejection.BookingTooSoon);
    }

    [Fact]
    public void AWindowIsKeptOnlyWithinItsBounds()
    {
        Assert.True(BookingWindow.Default.IsValid);
        Assert.False(new BookingWindow(MinNoticeHours: -1).IsValid);
        Assert.False(new BookingWindow(MaxDaysAhead: 0).IsValid);
        Assert.False(new BookingWindow(CancelCutoffHours: BookingWindow.MaxHours + 1).IsValid);
    }
}
