using ClinicPortal.Application.Queries;
using ClinicPortal.Features.Api;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using Microsoft.AspNetCore.Http.HttpResults;
using static ClinicPortal.Features.Api.ApiValues;

namespace ClinicPortal.Features.Booking.MyAppointments;

/// <summary>A patient's own appointments to come; <c>/bookings/mine</c> is the first contract's alias.</summary>
public static class MyAppointmentsEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/appointments/mine", MyAppointmentsAsync).RequireAuthorization(Bearer(Roles.Patient));
        api.MapGet("/bookings/mine", MyAppointmentsAsync).RequireAuthorization(Bearer(Roles.Patient)).Deprecated("GET /api/appointments/mine");
    }


    private static async Task<Ok<IReadOnlyList<MyAppointmentDto>>> MyAppointmentsAsync(
        HttpContext http, IScheduleQueries schedule, PeopleDirectory people, IVisitTypeQueries visitTypes, PracticeClock clock, CancellationToken ct)
    {
        var actor = CurrentActor.From(http.User)!;
        var bookings = await schedule.FutureAppointmentsAsync(actor.Id, clock.Now, ct);
        var names = (await people.ClinicianPeopleAsync(ct)).ToDictionary(d => d.Id, d => d.Name); // kept, unlike a query by id
        var types = (await visitTypes.AllAsync(ct)).ToDictionary(t => t.Id, t => t.Name);
        IReadOnlyList<MyAppointmentDto> result = bookings.Select(b => new MyAppointmentDto(
            b.AppointmentId, b.ClinicianId, names.GetValueOrDefault(b.ClinicianId, ""), b.Date, clock.ToLocal(b.StartUtc), clock.ToLocal(b.EndUtc), b.SlotCount,
            b.VisitTypeId, types.GetValueOrDefault(b.VisitTypeId, ""))).ToArray();
        return TypedResults.Ok(result);
    }
}
