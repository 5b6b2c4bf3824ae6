namespace ClinicPortal.Features.Booking.ChangeRoom;

/// <summary>Put an appointment in another room: <c>{"roomId", "overrideReason"?}</c>.</summary>
public sealed record ChangeRoomRequest(Guid? RoomId, string? OverrideReason = null);
