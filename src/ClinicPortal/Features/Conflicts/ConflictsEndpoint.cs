using ClinicPortal.Application.Queries;
using ClinicPortal.Domain;
using ClinicPortal.Features.Api;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using Microsoft.AspNetCore.Http.HttpResults;
using static ClinicPortal.Features.Api.ApiValues;

namespace ClinicPortal.Features.Conflicts;

/// <summary>The conflicts desk for integrations: the open conflicts, and giving an appointment's part to another clinician.</summary>
public static class ConflictsEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/conflicts", GetConflictsAsync).RequireAuthorization(Bearer(Roles.Receptionist, Roles.Admin));
        api.MapPost("/appointments/{appointmentId}/parts/{kind}/reassign", ReassignPartAsync)
            .RequireAuthorization(Bearer(Roles.Receptionist, Roles.Admin)).RequireRateLimiting(BookingLimit);
    }


    private static async Task<Ok<IReadOnlyList<ConflictDto>>> GetConflictsAsync(
        IConflictQueries conflicts, AppointmentAnswers answers, PracticeClock clock, CancellationToken ct)
    {
        var open = new List<ConflictDto>();
        foreach (var conflict in await conflicts.OpenAsync(clock.Now, ct))
            open.Add(await answers.ConflictAsync(conflict, ct));
        return TypedResults.Ok<IReadOnlyList<ConflictDto>>(open);
    }

    /// <summary>
    /// Gives the appointment's part of <paramref name="kind"/> (clinician, nurse, counsellor) to another clinician of that
    /// kind, for the same time: 409 <c>clinician_not_free</c> when they have no free time matching it.
    /// </summary>
    private static async Task<Results<Ok<AppointmentDto>, ProblemHttpResult>> ReassignPartAsync(
        string appointmentId, string kind, HttpContext http, Reassignments reassignments, IScheduleQueries schedule, PeopleDirectory people,
        AppointmentAnswers answers, CancellationToken ct)
    {
        var (request, problem) = await ApiJson.ReadAsync<ReassignRequest>(http.Request, ct);
        if (problem is not null) return problem;
        if (request!.ClinicianId is not { } clinicianId)
            return ApiProblems.Validation("Give the clinician to reassign to as clinicianId.");
        if (!Guid.TryParse(appointmentId, out var id) || await schedule.AppointmentAsync(id, ct) is not { } booking)
            return ApiProblems.NotFound("No such appointment.");
        var kindOf = await people.KindsAsync(ct);
        if (!Enum.TryParse<ClinicianKind>(kind, ignoreCase: true, out var partKind)
            || booking.Team.All(c => (kindOf(c) ?? ClinicianKind.Doctor) != partKind))
            return ApiProblems.NotFound($"The appointment has no {kind} part.");
        if (kindOf(clinicianId) != partKind)
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "not_same_kind", $"Reassign a {kind} part to another {kind}.");

        var result = await reassignments.ReassignAsync(id, clinicianId, CurrentActor.From(http.User)!, ct);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        return TypedResults.Ok(await answers.OfAsync(id, booking.VisitTypeId, result.Value!.ToSlots, result.Value.ToParts, ct));
    }
}
