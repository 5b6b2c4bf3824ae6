using ClinicPortal.Domain.Conflicts;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Conflicts;

/// <summary>What a conflict is, in a sentence a receptionist reads (on the desk and in the email that tells them of it).</summary>
public sealed class ConflictText(Func<Guid, string> name, Func<Guid?, string> roomName, Func<DateTimeOffset, string> time)
{
    public string What(OpenConflict conflict, PatientAppointment? other = null) => conflict.Kind switch
    {
        ConflictKinds.ClinicianInactive => $"{name(conflict.ClinicianId)} has been deactivated",
        ConflictKinds.PartDayCancelled => $"{name(conflict.ClinicianId)}'s day was cancelled: their part needs someone else, or dropping",
        ConflictKinds.PartTimeRemoved => $"{name(conflict.ClinicianId)} took their time back: their part needs someone else, or dropping",
        ConflictKinds.RoomOutOfUse => $"{roomName(conflict.RoomId)} is out of use",
        ConflictKinds.PatientDoubleBooked when other is not null =>
            $"{name(conflict.PatientId)} also has {time(other.StartUtc)}–{time(other.EndUtc)} with {name(other.ClinicianId)}",
        ConflictKinds.PatientDoubleBooked => $"{name(conflict.PatientId)} has another appointment then",
        ConflictKinds.RoomDoubleBooked when other is not null =>
            $"{roomName(conflict.RoomId)} also holds {name(other.PatientId)}'s appointment {time(other.StartUtc)}–{time(other.EndUtc)} with {name(other.ClinicianId)}",
        ConflictKinds.RoomDoubleBooked => $"{roomName(conflict.RoomId)} holds another appointment then",
        ConflictKinds.ClinicianDoubleBooked when other is not null =>
            $"{name(conflict.ClinicianId)} also sees {name(other.PatientId)} then ({time(other.StartUtc)}–{time(other.EndUtc)})",
        ConflictKinds.ClinicianDoubleBooked => $"{name(conflict.ClinicianId)} has another patient then",
        _ => conflict.Kind,
    };

    /// <summary>The appointment itself: "Tue 15 Dec 09:00–09:20, Patient 03 with Dr Chloe Lind".</summary>
    public string Appointment(OpenConflict conflict, DateOnly date) =>
        $"{date:ddd d MMM} {time(conflict.StartUtc)}–{time(conflict.EndUtc)}, {name(conflict.PatientId)} with {name(conflict.ClinicianId)}";
}
