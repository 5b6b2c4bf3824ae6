using System.Collections;
using System.Reflection;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Tests.Unit.Support;

/// <summary>Test data in the practice's words. The practice is in London; "now" is a quiet Monday morning.</summary>
public static class A
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Monday 2 March 2026, 08:00 in London (GMT, so 08:00 UTC).</summary>
    public static readonly DateTimeOffset Now = TestApp.DefaultNow;

    public static readonly DateOnly Tomorrow = new(2026, 3, 3);

    public static readonly Guid ClinicianId = Id("d0c7");
    public static readonly Guid OtherClinicianId = Id("d0c8");
    public static readonly Guid PatientId = Id("9a71");
    public static readonly Guid OtherPatientId = Id("9a72");
    public static readonly Guid AppointmentId = Id("b00c");

    public static Actor Clinician => Actor.Doctor(ClinicianId);
    public static Actor Patient => Actor.Patient(PatientId);
    public static Actor Receptionist => Actor.Receptionist(Id("ec01"));

    /// <summary>A readable, stable id: "slot1" → 00000000-0000-0000-0000-00000000510f1-ish, distinct per name.</summary>
    public static Guid Id(string name)
    {
        var bytes = new byte[16];
        var source = System.Text.Encoding.UTF8.GetBytes(name);
        Array.Copy(source, bytes, Math.Min(16, source.Length));
        return new Guid(bytes);
    }

    public static Guid Slot(int n) => Id($"slot{n}");

    /// <summary>The UTC start of a London local time on <paramref name="date"/>.</summary>
    public static DateTimeOffset At(DateOnly date, int hour, int minute = 0) =>
        PracticeTime.ToUtc(date, new TimeOnly(hour, minute), London)!.Value;

    /// <summary>Slot n of tomorrow's morning starts at 09:00 + 10 minutes × (n − 1).</summary>
    public static ScheduledSlot MorningSlot(int n, DateOnly? date = null) =>
        new(Slot(n), At(date ?? Tomorrow, 9).AddMinutes(10 * (n - 1)));

    public static DayScheduled DayScheduled(params int[] slots) =>
        new(ClinicianId, Tomorrow, slots.Select(n => MorningSlot(n)).ToArray());

    public static SlotsBooked SlotsBooked(Guid bookingId, Guid patientId, params int[] slots) =>
        new(bookingId, patientId, ClinicianId, Tomorrow, slots.Select(n => MorningSlot(n)).ToArray(), patientId.ToString(),
            Domain.VisitTypes.VisitType.ForSlotCount(slots.Length));

    /// <summary>Prints an event with its lists spelled out, for comparing events by value.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => s,
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Describe)) + "]",
        IClinicEvent or ScheduledSlot or CancelledAppointment or BookedPart or LostPart or Domain.VisitTypes.VisitPart => value.GetType().Name + "(" + string.Join(", ",
            value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EndUtc")
                .Select(p => $"{p.Name}={Describe(p.GetValue(value))}")) + ")",
        _ => value.ToString() ?? "",
    };
}
