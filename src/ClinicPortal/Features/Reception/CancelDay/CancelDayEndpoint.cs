using ClinicPortal.Features.Api;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using Microsoft.AspNetCore.Http.HttpResults;
using static ClinicPortal.Features.Api.ApiValues;

namespace ClinicPortal.Features.Reception.CancelDay;

/// <summary>Cancelling a clinician's whole day with every appointment on it; <c>/doctors/{doctorId}/…</c> is the first contract's alias.</summary>
public static class CancelDayEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        string[] who = [.. Roles.ClinicianRoles, Roles.Receptionist, Roles.Admin];
        api.MapPost("/clinicians/{clinicianId}/days/{date}/cancel", CancelDayAsync).RequireAuthorization(Bearer(who));
        api.MapPost("/doctors/{doctorId}/days/{date}/cancel", (string doctorId, string date, HttpContext http, CancelDayHandler cancel, PracticeClock clock, CancellationToken ct) =>
            CancelDayAsync(doctorId, date, http, cancel, clock, ct)).RequireAuthorization(Bearer(who)).Deprecated("POST /api/clinicians/{clinicianId}/days/{date}/cancel");
    }


    private static async Task<Results<Ok<CancelledDayDto>, ProblemHttpResult>> CancelDayAsync(
        string clinicianId, string date, HttpContext http, CancelDayHandler cancel, PracticeClock clock, CancellationToken ct)
    {
        if (!Guid.TryParse(clinicianId, out var clinician))
            return ApiProblems.NotFound("No such clinician.");
        if (ParseDate(date, clock) is not { } day)
            return ApiProblems.Validation(DateRule(clock));
        var (request, problem) = await ApiJson.ReadAsync<CancelDayRequest>(http.Request, ct);
        if (problem is not null) return problem;

        var result = await cancel.HandleAsync(clinician, day, request!.Reason ?? "", CurrentActor.From(http.User)!, ct);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        var cancelled = result.Value!;
        return TypedResults.Ok(new CancelledDayDto(cancelled.ClinicianId, cancelled.Date, cancelled.Reason,
            cancelled.CancelledAppointments.Select(b => new CancelledAppointmentDto(b.AppointmentId, b.PatientId,
                b.Slots.Select(s => Slot(s.SlotId, s.StartUtc, s.EndUtc, clock)).ToArray())).ToArray()));
    }
}
