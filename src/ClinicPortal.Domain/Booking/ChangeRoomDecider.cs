using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;

namespace ClinicPortal.Domain.Booking;

public sealed class ChangeRoomDecider : IDecider<ChangeRoom, RoomChangeRequest, AppointmentMoved>
{
    public static Query QueryFor(ChangeRoom command) =>
        AppointmentState.QueryFor(command.AppointmentId)
            .Or(RoomList.Query)
            .Or(Query.Tagged(Tag.RoomDay(command.RoomId, command.Date)))
            .Or(new Query([new QueryItem([EventTypes.NameOf<VisitTypeDefined>()], [Tag.VisitType(command.VisitTypeId)])]));

    public static RoomChangeRequest Initial(ChangeRoom command) =>
        new(AppointmentState.None(command.AppointmentId), DayToSchedule.Of(ClinicianDay.Empty(Guid.Empty, command.Date)),
            BookSlotsDecider.Initial(new BookSlots(command.AppointmentId, command.PatientId, [], command.By, command.Now, command.Date, command.VisitTypeId)));

    public static RoomChangeRequest Evolve(RoomChangeRequest state, IClinicEvent @event) =>
        new(state.Appointment.Evolve(@event), state.RoomTime.Evolve(@event), BookSlotsDecider.Evolve(state.InRoom, @event));

    public static Checked<IReadOnlyList<AppointmentMoved>> Decide(ChangeRoom command, RoomChangeRequest state)
    {
        var booking = state.Appointment;
        if (!command.By.IsStaff)
            return Rejection.NotAllowed;
        if (!booking.Exists)
            return Rejection.AppointmentNotFound;
        if (booking.PatientId != command.PatientId || booking.VisitTypeId != command.VisitTypeId || booking.Date != command.Date)
            return Rejection.Conflict; // the caller read another booking than the log holds: read again
        if (booking.Cancelled)
            return Rejection.AppointmentAlreadyCancelled;
        if (booking.Slots[0].StartUtc <= command.Now)
            return Rejection.AppointmentInPast;
        if (booking.RoomId == command.RoomId)
            return Rejection.AlreadyInThatRoom;
        if (!state.RoomTime.Rooms.Rooms.TryGetValue(command.RoomId, out var room))
            return Rejection.RoomNotFound;
        if (!room.InUse)
            return Rejection.RoomOutOfUse;
        if (state.InRoom.VisitType is not { } visitType)
            return Rejection.VisitTypeNotFound;
        if (!visitType.FitsIn(room))
            return Rejection.RoomLacksFeature;
        var overriding = Override.Check(command.OverrideReason, command.By);
        if (!overriding.IsAccepted)
            return overriding.Rejection!.Value;

        // One room holds one clinician's block at a time: the room is no one else's then but this visit's own clinicians'.
        var (start, end) = (booking.Slots.Min(s => s.StartUtc), booking.Slots.Max(s => s.EndUtc));
        var clinicians = AppointmentTime.Clinicians(booking.ClinicianId, booking.Parts).ToHashSet();
        if (state.RoomTime.RoomSlots.Values.Any(time => time.RoomId == room.Id && !clinicians.Contains(time.ClinicianId) && time.Overlaps(start, end)))
            return Rejection.RoomInUse;
        var clash = state.InRoom.InRooms.Any(held => held.Key != booking.AppointmentId && held.Value.Overlaps(room.Id, start, end));
        if (clash && overriding.Value is null)
            return Rejection.RoomAlreadyBooked;

        return new[]
        {
            new AppointmentMoved(booking.AppointmentId, booking.PatientId, booking.VisitTypeId, booking.ClinicianId, booking.Date, booking.Slots,
                booking.ClinicianId, booking.Date, booking.Slots, command.By.Name, clash ? overriding.Value : null, booking.Parts, booking.Parts,
                booking.RoomId, room.Id, clash ? Clash.Room : null),
        };
    }
}
