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
        public Guid? BookingId { get; init; }

        public AvailableSlot View => new(SlotId, FromMs(StartUtc), StaffOnly, ParseIds(OnlyFor), RoomId, BookingId);
    }

    private sealed class BookingRoom
    {
        public Guid BookingId { get; init; }
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

    private sealed class SlotBooking
    {
        public Guid SlotId { get; init; }
        public Guid BookingId { get; init; }
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
        public Guid? BookingId { get; init; }
        public Guid? PatientId { get; init; }
        public string? VisitOutcome { get; init; }
        public bool StaffOnly { get; init; }
        public string? OnlyFor { get; init; }
        public Guid? RoomId { get; init; }
        public long? HeldUntil { get; init; }

        public ClinicianDaySlot View => new(SlotId, FromMs(StartUtc), BookingId, PatientId, VisitOutcome, StaffOnly, ParseIds(OnlyFor), RoomId,
            HeldUntil: HeldUntil is { } until ? FromMs(until) : null);
    }

    private sealed class RoomTimeRow
    {
        public Guid RoomId { get; init; }
        public Guid ClinicianId { get; init; }
        public long StartUtc { get; init; }
    }

    private sealed class DayBookingRow
    {
        public string Date { get; init; } = "";
        public DateOnly Day => Rows.Day(Date);
        public Guid BookingId { get; init; }
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

        public DayBooking View => new(BookingId, PatientId, ClinicianId, FromMs(StartUtc), FromMs(EndUtc), SlotCount, BookedBy, FromMs(BookedAt),
            Cancelled, VisitOutcome, VisitTypeId, Reason, RoomId);
    }

    private sealed class PartRow
    {
        public Guid ClinicianId { get; init; }
        public string? Kind { get; init; }
        public long StartUtc { get; init; }
        public long EndUtc { get; init; }

        public BookingPart View => new(ClinicianId, Kind is null ? null : Enum.Parse<Domain.ClinicianKind>(Kind), FromMs(StartUtc), FromMs(EndUtc));
    }

    private sealed class BookingRow
    {
        public Guid BookingId { get; init; }
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

        public PatientBooking View => new(BookingId, PatientId, ClinicianId, Day, FromMs(StartUtc), FromMs(EndUtc), SlotCount, Cancelled, VisitOutcome,
            VisitTypeId, Reason, RoomId, ParseIds(ClinicianIds));
    }
}
