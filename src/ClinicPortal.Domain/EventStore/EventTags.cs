namespace ClinicPortal.Domain.EventStore;

/// <summary>The tags each event is appended with: one per consistency boundary it belongs to.</summary>
public static class EventTags
{
    public static IReadOnlyList<Tag> Of(IClinicEvent @event) => @event switch
    {
        DayScheduled e =>
            [Tag.Clinician(e.ClinicianId), Tag.Day(e.ClinicianId, e.Date), .. RoomDays(e.RoomId, e.Date), .. e.Slots.Select(s => Tag.Slot(s.SlotId))],
        SlotsRemoved e =>
            [Tag.Clinician(e.ClinicianId), Tag.Day(e.ClinicianId, e.Date), .. RoomDays(e.RoomIds, e.Date), .. e.SlotIds.Select(Tag.Slot),
             .. (e.LostParts ?? []).Select(p => Tag.Appointment(p.AppointmentId))],
    // A log written before the patient-month tag existed gets it from schema version 5, which asks this method for it.
        // An appointment with several clinicians is in each one's day (their day's decisions see its slots held).
        SlotsBooked e =>
            [Tag.Appointment(e.AppointmentId), Tag.Patient(e.PatientId), Tag.PatientMonth(e.PatientId, e.Date),
             .. ClinicianDays(e.Clinicians, e.Date), .. RoomDays(e.RoomId, e.Date), .. e.Slots.Select(s => Tag.Slot(s.SlotId)),
             .. e.HoldId is { } hold ? [Tag.Hold(hold), Tag.PatientHolds(e.PatientId)] : Array.Empty<Tag>(),
             .. e.SeriesId is { } series ? [Tag.Series(series)] : Array.Empty<Tag>()],
        // A hold is tagged as a booking of its slots would be (the days, the room's day, the slots), and as the patient's hold.
        // A time offered from the waiting list is also the wait's, and the patient's waits'.
        HoldPlaced e => [.. HoldTags(e.HoldId, e.PatientId, e.Clinicians, e.Date, e.RoomId, e.Slots),
                         .. e.WaitId is { } wait ? [Tag.Wait(wait), Tag.PatientWaits(e.PatientId), Tag.Waitlist(e.VisitTypeId)] : Array.Empty<Tag>()],
        HoldReleased e => HoldTags(e.HoldId, e.PatientId, e.Clinicians, e.Date, e.RoomId, e.Slots),
        HoldExpired e => HoldTags(e.HoldId, e.PatientId, e.Clinicians, e.Date, e.RoomId, e.Slots),
        AppointmentCancelled e =>
            [Tag.Appointment(e.AppointmentId), Tag.Patient(e.PatientId), Tag.PatientMonth(e.PatientId, e.Date),
             .. ClinicianDays(e.Clinicians, e.Date), .. RoomDays(e.RoomId, e.Date), .. e.Slots.Select(s => Tag.Slot(s.SlotId))],
        // A booking that falls with the day is freed whole (its other clinicians' days and slots see it, for bookings made when
        // visits with others fell whole too); a visit with others that only loses the clinician's part is tagged as changed.
        DayCancelled e =>
            [.. ClinicianDays([e.ClinicianId, .. e.CancelledAppointments.SelectMany(b => AppointmentTime.Clinicians(e.ClinicianId, b.Parts))], e.Date),
             .. RoomDays(e.RoomIds, e.Date), .. e.SlotIds.Concat(e.CancelledAppointments.SelectMany(b => b.Slots.Select(s => s.SlotId))).Distinct().Select(Tag.Slot),
             .. e.CancelledAppointments.Select(b => Tag.Appointment(b.AppointmentId)), .. (e.LostParts ?? []).Select(p => Tag.Appointment(p.AppointmentId)),
             .. e.CancelledAppointments.Select(b => Tag.Patient(b.PatientId)).Distinct(),
             .. e.CancelledAppointments.Select(b => Tag.PatientMonth(b.PatientId, e.Date)).Distinct()],
        AppointmentMoved e =>
            [Tag.Appointment(e.AppointmentId), Tag.Patient(e.PatientId),
             .. new[] { Tag.PatientMonth(e.PatientId, e.FromDate), Tag.PatientMonth(e.PatientId, e.ToDate) }.Distinct(),
             .. e.FromClinicians.Concat(e.ToClinicians).Distinct().Select(Tag.Clinician),
             .. e.FromClinicians.Select(c => Tag.Day(c, e.FromDate)).Concat(e.ToClinicians.Select(c => Tag.Day(c, e.ToDate))).Distinct(),
             .. RoomDays(e.FromRoomId, e.FromDate).Concat(RoomDays(e.ToRoomId, e.ToDate)).Distinct(),
             .. e.FromSlots.Concat(e.ToSlots).Select(s => Tag.Slot(s.SlotId)).Distinct()],
        VisitMarked e =>
            [Tag.Appointment(e.AppointmentId), Tag.Patient(e.PatientId), Tag.PatientMonth(e.PatientId, e.Date), Tag.Clinician(e.ClinicianId),
             Tag.Day(e.ClinicianId, e.Date)],
        ReminderSent e => [Tag.Appointment(e.AppointmentId), Tag.Patient(e.PatientId)],
        WaitJoined e => [Tag.Wait(e.WaitId), Tag.PatientWaits(e.PatientId), Tag.Waitlist(e.VisitTypeId)],
        WaitLeft e => [Tag.Wait(e.WaitId), Tag.PatientWaits(e.PatientId), Tag.Waitlist(e.VisitTypeId)],
        VisitTypes.VisitTypeDefined e => [Tag.VisitTypes, Tag.VisitType(e.VisitTypeId)],
        Rooms.RoomDefined e => [Tag.Rooms, Tag.Room(e.RoomId)],
        Conflicts.ClinicianDeactivated e => [Tag.Clinician(e.ClinicianId)],
        Conflicts.ClinicianReactivated e => [Tag.Clinician(e.ClinicianId)],
        PatientErased e => [Tag.Patient(e.PatientId)],
        _ => throw new ArgumentException($"No tags are defined for {@event.GetType().Name}.", nameof(@event)),
    };

    private static IReadOnlyList<Tag> HoldTags(
        Guid holdId, Guid patientId, IEnumerable<Guid> clinicians, DateOnly date, Guid? room, IReadOnlyList<ScheduledSlot> slots) =>
        [Tag.Hold(holdId), Tag.PatientHolds(patientId), .. ClinicianDays(clinicians, date), .. RoomDays(room, date), .. slots.Select(s => Tag.Slot(s.SlotId))];

    /// <summary>Each clinician's own tag and their day's, once each, the first clinician's first (as every event of one clinician has them).</summary>
    private static IEnumerable<Tag> ClinicianDays(IEnumerable<Guid> clinicians, DateOnly date)
    {
        var distinct = clinicians.Distinct().ToArray();
        return distinct.Select(Tag.Clinician).Concat(distinct.Select(c => Tag.Day(c, date)));
    }

    /// <summary>The room days an event gives or takes time of (none for time in no room, and for every event before rooms).</summary>
    private static IEnumerable<Tag> RoomDays(IReadOnlyList<Guid>? rooms, DateOnly date) =>
        (rooms ?? []).Distinct().Select(room => Tag.RoomDay(room, date));

    /// <summary>The room day an appointment holds or gives back (none for an appointment in no room).</summary>
    private static IEnumerable<Tag> RoomDays(Guid? room, DateOnly date) => RoomDays(room is { } one ? [one] : null, date);
}
