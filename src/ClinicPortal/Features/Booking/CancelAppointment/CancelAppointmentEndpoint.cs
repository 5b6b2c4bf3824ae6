using ClinicPortal.Features.Api;
using ClinicPortal.Infrastructure.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using static ClinicPortal.Features.Api.ApiValues;

namespace ClinicPortal.Features.Booking.CancelAppointment;

/// <summary>Cancelling an appointment; <c>DELETE /bookings/{bookingId}</c> is the first contract's alias.</summary>
public static class CancelAppointmentEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        string[] who = [Roles.Patient, Roles.Receptionist, Roles.Admin];
        api.MapDelete("/appointments/{appointmentId}", (string appointmentId, HttpContext http, CancelAppointmentHandler cancel, CancellationToken ct) =>
            CancelAppointmentAsync(appointmentId, http, cancel, ct)).RequireAuthorization(Bearer(who));
        api.MapDelete("/bookings/{bookingId}", CancelAppointmentAsync).RequireAuthorization(Bearer(who)).Deprecated("DELETE /api/appointments/{appointmentId}");
    }


    private static async Task<Results<NoContent, ProblemHttpResult>> CancelAppointmentAsync(
        string bookingId, HttpContext http, CancelAppointmentHandler cancel, CancellationToken ct)
    {
        if (!Guid.TryParse(bookingId, out var id))
            return ApiProblems.NotFound("No such booking.");
        var result = await cancel.HandleAsync(id, CurrentActor.From(http.User)!, ct: ct);
        return result.IsAccepted ? TypedResults.NoContent() : ApiProblems.For(result.Rejection!.Value);
    }
}
