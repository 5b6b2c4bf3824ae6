using ClinicPortal.Domain;
using ClinicPortal.Features.Conflicts;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Application.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicPortal.Features.Api;

/// <summary>The conflicts desk for integrations: the open conflicts, and giving an appointment's part to another clinician.</summary>
public static partial class ApiEndpoints
{
    private static void MapConflicts(RouteGroupBuilder api)
    {
        api.MapGet("/conflicts", GetConflictsAsync).RequireAuthorization(Bearer(Roles.Receptionist, Roles.Admin));
        api.MapPost("/appointments/{appointmentId}/parts/{kind}/reassign", ReassignPartAsync)
            .RequireAuthorization(Bearer(Roles.Receptionist, Roles.Admin)).RequireRateLimiting(BookingLimit);
        api.MapPut("/appointments/{appointmentId}/parts/{kind}", SetPartAsync)
            .RequireAuthorization(Bearer(Roles.Receptionist, Roles.Admin)).RequireRateLimiting(BookingLimit);
        api.MapDelete("/appointments/{appointmentId}/parts/{kind}", RemovePartAsync)
            .RequireAuthorization(Bearer(Roles.Receptionist, Roles.Admin)).RequireRateLimiting(BookingLimit);
        api.MapPut("/appointments/{appointmentId}/room", PutAppointmentRoomAsync)
            .RequireAuthorization(Bearer(Roles.Receptionist, Roles.Admin)).RequireRateLimiting(BookingLimit);
    }

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
        if (!Guid.TryParse(appointmentId, out var id) || await schedule.BookingAsync(id, ct) is not { } booking)
            return ApiProblems.NotFound("No such appointment.");
        var result = await rooms.HandleAsync(id, roomId, CurrentActor.From(http.User)!, request.OverrideReason, ct);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        return TypedResults.Ok(await answers.OfAsync(id, booking.VisitTypeId, result.Value!.ToSlots, result.Value.ToParts, ct));
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
    /// Gives the appointment's part of <paramref name="kind"/> (doctor, nurse, counsellor) to another clinician of that
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
        if (!Guid.TryParse(appointmentId, out var id) || await schedule.BookingAsync(id, ct) is not { } booking)
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

    /// <summary>
    /// Sets the appointment's part of <paramref name="kind"/> to a clinician of that kind (by default the part's own) from
    /// <c>start</c> to <c>end</c>, adding the part when there is none: one conditional append; the patient is emailed.
    /// </summary>
    private static async Task<Results<Ok<AppointmentDto>, ProblemHttpResult>> SetPartAsync(
        string appointmentId, string kind, HttpContext http, Features.Booking.ChangeParts.AppointmentPartsHandler parts, IScheduleQueries schedule,
        PeopleDirectory people, AppointmentAnswers answers, CancellationToken ct)
    {
        var (request, problem) = await ApiJson.ReadAsync<PartRequest>(http.Request, ct);
        if (problem is not null) return problem;
        if (request!.Start is not { } start || request.End is not { } end)
            return ApiProblems.Validation("Give the part's start and end as ISO 8601 times, such as 2026-12-14T10:00:00+00:00.");
        if (!Guid.TryParse(appointmentId, out var id) || await schedule.BookingAsync(id, ct) is not { } booking)
            return ApiProblems.NotFound("No such appointment.");
        if (!Enum.TryParse<ClinicianKind>(kind, ignoreCase: true, out var partKind) || !Enum.IsDefined(partKind))
            return ApiProblems.NotFound($"There is no kind of clinician called {kind}.");
        var kindOf = await people.KindsAsync(ct);
        var clinicianId = request.ClinicianId
            ?? (await schedule.PartsAsync(id, ct)).FirstOrDefault(p => (p.Kind ?? kindOf(p.ClinicianId)) == partKind)?.ClinicianId;
        if (clinicianId is not { } clinician)
            return ApiProblems.Validation($"Give the clinicianId of the {kind} to add.");
        if (kindOf(clinician) != partKind)
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "not_same_kind", $"The {kind} part is given by a {kind}.");

        var result = await parts.SetAsync(id, partKind, new(clinician, start, end), CurrentActor.From(http.User)!, ct);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        return TypedResults.Ok(await answers.OfAsync(id, booking.VisitTypeId, result.Value!.ToSlots, result.Value.ToParts, ct));
    }

    /// <summary>Removes the appointment's part of <paramref name="kind"/> (409 <c>last_part</c> for its only one); the patient is emailed.</summary>
    private static async Task<Results<Ok<AppointmentDto>, ProblemHttpResult>> RemovePartAsync(
        string appointmentId, string kind, HttpContext http, Features.Booking.ChangeParts.AppointmentPartsHandler parts, IScheduleQueries schedule,
        AppointmentAnswers answers, CancellationToken ct)
    {
        if (!Guid.TryParse(appointmentId, out var id) || await schedule.BookingAsync(id, ct) is not { } booking)
            return ApiProblems.NotFound("No such appointment.");
        if (!Enum.TryParse<ClinicianKind>(kind, ignoreCase: true, out var partKind) || !Enum.IsDefined(partKind))
            return ApiProblems.NotFound($"There is no kind of clinician called {kind}.");
        var result = await parts.RemoveAsync(id, partKind, CurrentActor.From(http.User)!, ct);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        return TypedResults.Ok(await answers.OfAsync(id, booking.VisitTypeId, result.Value!.ToSlots, result.Value.ToParts, ct));
    }
}
