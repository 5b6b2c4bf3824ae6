using ClinicPortal.Application.Ports;
using ClinicPortal.Application.Queries;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain;
using ClinicPortal.Features.Api;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using Microsoft.AspNetCore.Http.HttpResults;
using static ClinicPortal.Features.Api.ApiValues;

namespace ClinicPortal.Features.Booking.MoveAppointment;

/// <summary>Moving an appointment to another start with the same clinicians.</summary>
public static class MoveAppointmentEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/appointments/{appointmentId}/move", MoveAppointmentAsync).RequireAuthorization(Bearer(BookingRoles)).RequireRateLimiting(BookingLimit);


    /// <summary>
    /// Moves an appointment to another start with the same clinicians; its length stays, and each part of a visit of
    /// several clinicians keeps its offset (the decider checks the rest).
    /// </summary>
    private static async Task<Results<Ok<AppointmentDto>, ProblemHttpResult>> MoveAppointmentAsync(
        string appointmentId, HttpContext http, Features.Booking.MoveAppointment.MoveAppointmentHandler move, IScheduleQueries schedule,
        PracticeClock clock, AppointmentAnswers answers, IAccounts people, CancellationToken ct)
    {
        var (request, problem) = await ApiJson.ReadAsync<MoveRequest>(http.Request, ct);
        if (problem is not null) return problem;
        if (request!.Start is not { } start)
            return ApiProblems.Validation("Give the new start as an ISO 8601 time, such as 2026-12-14T10:00:00+00:00.");
        var actor = await CallerAsync(http, people, ct);
        if (!Guid.TryParse(appointmentId, out var id) || await schedule.AppointmentAsync(id, ct) is not { } booking
            || actor.IsOtherPatientThan(booking.PatientId))
            return ApiProblems.NotFound("No such appointment.");
        var date = DateOnly.FromDateTime(clock.ToLocal(start).DateTime);
        var slotIds = new List<Guid>();
        foreach (var part in await schedule.PartsAsync(id, ct))
        {
            var partStart = start + (part.StartUtc - booking.StartUtc);
            var day = await schedule.ClinicianDayAsync(part.ClinicianId, date, ct);
            var first = day.Slots.ToList().FindIndex(s => s.StartUtc == partStart);
            if (first < 0)
                return ApiProblems.For(Rejection.SlotNotFound);
            slotIds.AddRange(day.Slots.Skip(first).Take((int)((part.EndUtc - part.StartUtc) / SlotBlock.SlotLength)).Select(s => s.SlotId));
        }

        var result = await move.HandleAsync(id, slotIds, actor, ct, request.OverrideReason);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        return TypedResults.Ok(await answers.OfAsync(result.Value!.AppointmentId, result.Value.VisitTypeId, result.Value.ToSlots, result.Value.ToParts, ct));
    }
}
