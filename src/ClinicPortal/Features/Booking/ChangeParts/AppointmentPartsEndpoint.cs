using ClinicPortal.Application.Queries;
using ClinicPortal.Domain;
using ClinicPortal.Features.Api;
using ClinicPortal.Infrastructure.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using static ClinicPortal.Features.Api.ApiValues;

namespace ClinicPortal.Features.Booking.ChangeParts;

/// <summary>Staff changing who sees the patient in an appointment: a part set to a clinician and times, or dropped.</summary>
public static class AppointmentPartsEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPut("/appointments/{appointmentId}/parts/{kind}", SetPartAsync)
            .RequireAuthorization(Bearer(Roles.Receptionist, Roles.Admin)).RequireRateLimiting(BookingLimit);
        api.MapDelete("/appointments/{appointmentId}/parts/{kind}", RemovePartAsync)
            .RequireAuthorization(Bearer(Roles.Receptionist, Roles.Admin)).RequireRateLimiting(BookingLimit);
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
        if (!Guid.TryParse(appointmentId, out var id) || await schedule.AppointmentAsync(id, ct) is not { } booking)
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
        if (!Guid.TryParse(appointmentId, out var id) || await schedule.AppointmentAsync(id, ct) is not { } booking)
            return ApiProblems.NotFound("No such appointment.");
        if (!Enum.TryParse<ClinicianKind>(kind, ignoreCase: true, out var partKind) || !Enum.IsDefined(partKind))
            return ApiProblems.NotFound($"There is no kind of clinician called {kind}.");
        var result = await parts.RemoveAsync(id, partKind, CurrentActor.From(http.User)!, ct);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        return TypedResults.Ok(await answers.OfAsync(id, booking.VisitTypeId, result.Value!.ToSlots, result.Value.ToParts, ct));
    }
}
