using ClinicPortal.Application.Ports;
using ClinicPortal.Application.Queries;
using ClinicPortal.Domain;
using ClinicPortal.Features.Api;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using Microsoft.AspNetCore.Http.HttpResults;
using static ClinicPortal.Features.Api.ApiValues;

namespace ClinicPortal.Features.Holds;

/// <summary>Holds: a time kept for a few minutes while the patient confirms, as the reference booking service offers them.</summary>
public static class HoldsEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/holds", PlaceHoldAsync).RequireAuthorization(Bearer(BookingRoles)).RequireRateLimiting(BookingLimit);
        api.MapPost("/holds/{holdId}/confirm", ConfirmHoldAsync).RequireAuthorization(Bearer(BookingRoles)).RequireRateLimiting(BookingLimit);
        api.MapDelete("/holds/{holdId}", ReleaseHoldAsync).RequireAuthorization(Bearer(BookingRoles));
    }


    /// <summary>
    /// 201 <c>{holdId, expiresAt, slots}</c>; 409 <c>slot_held</c> (another patient holds it), <c>slot_already_booked</c>,
    /// <c>too_many_holds</c>, and every booking rule. With <c>serviceId</c> and <c>start</c>, the first clinician (by name)
    /// who has the visit free from that start.
    /// </summary>
    private static async Task<Results<Created<HoldDto>, ProblemHttpResult>> PlaceHoldAsync(
        HttpContext http, HoldHandler holds, Availability availability, IVisitTypeQueries visitTypes, PracticeClock clock, IAccounts people, CancellationToken ct)
    {
        var (request, problem) = await ApiJson.ReadAsync<HoldRequest>(http.Request, ct);
        if (problem is not null) return problem;
        var actor = await CallerAsync(http, people, ct);
        var (patientId, refused) = PatientOf(actor, request!.PatientId);
        if (refused is not null) return refused;
        var slotIds = request.SlotIds;
        if (slotIds is not { Count: > 0 })
        {
            if (request.VisitTypeId is not { } visitTypeId || request.Start is not { } start)
                return ApiProblems.Validation("Give the slotIds to hold, or a serviceId and a start (ISO 8601).");
            if (await visitTypes.FindAsync(visitTypeId, ct) is not { } type)
                return ApiProblems.For(Rejection.VisitTypeNotFound);
            var day = await availability.DayAsync(type, clock.DateOf(start), actor.Role == Role.Patient, ct: ct);
            slotIds = day.Clinicians.SelectMany(d => d.Offers).FirstOrDefault(o => o.StartUtc == start.ToUniversalTime())?.SlotIds;
            if (slotIds is null)
                return ApiProblems.For(Rejection.SlotAlreadyBooked);
        }
        var result = await holds.PlaceAsync(patientId, slotIds, actor, request.VisitTypeId, ct);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        var held = result.Value!;
        var dto = new HoldDto(held.HoldId, clock.ToLocal(held.ExpiresAt),
            held.Slots.OrderBy(s => s.StartUtc).Select(s => new SlotDto(s.SlotId, clock.ToLocal(s.StartUtc), clock.ToLocal(s.EndUtc))).ToArray());
        return TypedResults.Created($"/api/holds/{held.HoldId}", dto);
    }

    /// <summary>200 with the appointment; 409 <c>hold_expired</c> once its time has run out; 404 for anyone else's.</summary>
    private static async Task<Results<Ok<AppointmentDto>, ProblemHttpResult>> ConfirmHoldAsync(
        string holdId, HttpContext http, HoldHandler holds, AppointmentAnswers answers, CancellationToken ct)
    {
        if (!Guid.TryParse(holdId, out var id))
            return ApiProblems.For(Rejection.HoldNotFound);
        var result = await holds.ConfirmAsync(id, CurrentActor.From(http.User)!, ct: ct);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        var booked = result.Value!;
        return TypedResults.Ok(await answers.OfAsync(booked.AppointmentId, booked.VisitType, booked.Slots, booked.Parts, ct));
    }

    /// <summary>204: the time is free again at once (and for a hold already ended, nothing changes).</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ReleaseHoldAsync(string holdId, HttpContext http, HoldHandler holds, CancellationToken ct)
    {
        if (!Guid.TryParse(holdId, out var id))
            return ApiProblems.For(Rejection.HoldNotFound);
        var result = await holds.ReleaseAsync(id, CurrentActor.From(http.User)!, ct);
        return result.IsAccepted ? TypedResults.NoContent() : ApiProblems.For(result.Rejection!.Value);
    }
}
