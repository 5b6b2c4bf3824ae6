using ClinicPortal.Application.Queries;
using ClinicPortal.Features.Api;
using ClinicPortal.Infrastructure.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using static ClinicPortal.Features.Api.ApiValues;

namespace ClinicPortal.Features.Booking.ChangeRoom;

/// <summary>Staff putting an appointment in another room at its time.</summary>
public static class ChangeRoomEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/appointments/{appointmentId}/room", PutAppointmentRoomAsync)
            .RequireAuthorization(Bearer(Roles.Receptionist, Roles.Admin)).RequireRateLimiting(BookingLimit);


    /// <summary>
    /// Puts the appointment in another room at its time with its clinicians; with <c>overrideReason</c> even over another
    /// appointment in that room then (the clash is in <c>conflicts</c>). The patient is emailed the room.
    /// </summary>
    private static async Task<Results<Ok<AppointmentDto>, ProblemHttpResult>> PutAppointmentRoomAsync(
        string appointmentId, HttpContext http, Features.Booking.ChangeRoom.ChangeRoomHandler rooms, IScheduleQueries schedule,
        AppointmentAnswers answers, CancellationToken ct)
    {
        var (request, problem) = await ApiJson.ReadAsync<ChangeRoomRequest>(http.Request, ct);
        if (problem is not null) return problem;
        if (request!.RoomId is not { } roomId)
            return ApiProblems.Validation("Give the room to put the appointment in as roomId.");
        if (!Guid.TryParse(appointmentId, out var id) || await schedule.AppointmentAsync(id, ct) is not { } booking)
            return ApiProblems.NotFound("No such appointment.");
        var result = await rooms.HandleAsync(id, roomId, CurrentActor.From(http.User)!, request.OverrideReason, ct);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        return TypedResults.Ok(await answers.OfAsync(id, booking.VisitTypeId, result.Value!.ToSlots, result.Value.ToParts, ct));
    }
}
