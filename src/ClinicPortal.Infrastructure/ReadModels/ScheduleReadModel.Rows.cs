using ClinicPortal.Infrastructure.Data;
using static ClinicPortal.Infrastructure.ReadModels.Columns;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>The rows the schedule's queries read, by column name.</summary>
public sealed partial class ScheduleReadModel
{
    private sealed class SlotRow
    {
        public Guid ClinicianId { get; init; }
        public Guid SlotId { get; init; }
        public long StartUtc { get; init; }
        public bool StaffOnly { get; init; }
        public string? OnlyFor { get; init; }
        public Guid? RoomId { get; init; }
        public Guid? AppointmentId { get; init; }

        public AvailableSlot View => new(SlotId, FromMs(StartUtc), StaffOnly, ParseIds(OnlyFor), RoomId, AppointmentId);
    }

    private sealed class AppointmentRoom
    {
        public Guid AppointmentId { get; init; }
        public Guid RoomId { get; init; }
        public long StartUtc { get; init; }
        public long EndUtc { get; init; }
    }

    private sealed class SlotRoom
    {
        public Guid SlotId { get; init; }
        public Guid RoomId { get; init; }
    }

    private sealed class SlotDay
    {
        public Guid SlotId { get; init; }
        public Guid ClinicianId { get; init; }
        public string Date { get; init; } = "";
        public DateOnly Day => Rows.Day(Date);
    }

    private sealed class SlotAppointment
    {
        public Guid SlotId { get; init; }
        public Guid AppointmentId { get; init; }
    }

    private sealed class MonthUsage
    {
        public string Month { get; init; } = "";
        public int Slots { get; init; }
    }

    private sealed class DayStatus
    {
        public Guid ClinicianId { get; init; }
        public string Date { get; init; } = "";
        public DateOnly Day => Rows.Day(Date);
        public bool Cancelled { get; init; }
        public string? CancelReason { get; init; }
    }

    private sealed class DaySlotRow
    {
        public Guid ClinicianId { get; init; }
        public string Date { get; init; } = "";
        public DateOnly Day => Rows.Day(Date);
        public Guid SlotId { get; init; }
        public long StartUtc { get; init; }
        public Guid? AppointmentId { get; init; }
        public Guid? PatientId { get; init; }
        public string? VisitOutcome { get; init; }
        public bool StaffOnly { get; init; }
        public string? OnlyFor { get; init; }
        public Guid? RoomId { get; init; }
        public long? HeldUntil { get; init; }

        public ClinicianDaySlot View => new(SlotId, FromMs(StartUtc), AppointmentId, PatientId, VisitOutcome, StaffOnly, ParseIds(OnlyFor), RoomId,
            HeldUntil: HeldUntil is { } until ? FromMs(until) : null);
    }

    private sealed class RoomTimeRow
    {
        public Guid RoomId { get; init; }
        public Guid ClinicianId { get; init; }
        public long StartUtc { get; init; }
    }

    private sealed class DayAppointmentRow
    {
        public string Date { get; init; } = "";
        public DateOnly Day => Rows.Day(Date);
        public Guid AppointmentId { get; init; }
        public Guid PatientId { get; init; }
        public Guid ClinicianId { get; init; }
        public long StartUtc { get; init; }
        public long EndUtc { get; init; }
        public int SlotCount { get; init; }
        public string BookedBy { get; init; } = "";
        public long BookedAt { get; init; }
        public string? Cancelled { get; init; }
        public string? VisitOutcome { get; init; }
        public Guid VisitTypeId { get; init; }
        public string? Reason { get; init; }
        public Guid? RoomId { get; init; }
        public Guid? SeriesId { get; init; }

        public DayAppointment View => new(AppointmentId, PatientId, ClinicianId, FromMs(StartUtc), FromMs(EndUtc), SlotCount, BookedBy, FromMs(BookedAt),
            Cancelled, VisitOutcome, VisitTypeId, Reason, RoomId, SeriesId);
    }

    private sealed class PartRow
    {
        public Guid ClinicianId { get; init; }
        public string? Kind { get; init; }
        public long StartUtc { get; init; }
        public long EndUtc { get; init; }

        public AppointmentPart View => new(ClinicianId, Kind is null ? null : Enum.Parse<Domain.ClinicianKind>(Kind), FromMs(StartUtc), FromMs(EndUtc));
    }

    private sealed class AppointmentRow
    {
        public Guid AppointmentId { get; init; }
        public Guid PatientId { get; init; }
        public Guid ClinicianId { get; init; }
        public string Date { get; init; } = "";
        public DateOnly Day => Rows.Day(Date);
        public long StartUtc { get; init; }
        public long EndUtc { get; init; }
        public int SlotCount { get; init; }
        public string? Cancelled { get; init; }
        public string? VisitOutcome { get; init; }
        public Guid VisitTypeId { get; init; }
        public string? Reason { get; init; }
        public Guid? RoomId { get; init; }
        public string ClinicianIds { get; init; } = "";
        public Guid? SeriesId { get; init; }

        public PatientAppointment View => new(AppointmentId, PatientId, ClinicianId, Day, FromMs(StartUtc), FromMs(EndUtc), SlotCount, Cancelled, VisitOutcome,
            VisitTypeId, Reason, RoomId, ParseIds(ClinicianIds), SeriesId);
    }
}
