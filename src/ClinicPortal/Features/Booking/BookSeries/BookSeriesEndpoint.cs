using ClinicPortal.Application.Ports;
using System.Globalization;
using ClinicPortal.Application.Queries;
using ClinicPortal.Domain;
using ClinicPortal.Features.Api;
using ClinicPortal.Features.Shared;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using Microsoft.AspNetCore.Http.HttpResults;
using static ClinicPortal.Features.Api.ApiValues;

namespace ClinicPortal.Features.Booking.BookSeries;

/// <summary>A series of appointments: its plan (<c>dryRun</c>), booking it whole, reading it, cancelling the rest.</summary>
public static class BookSeriesEndpoint
{
    public const string NoFreeTime = "no_free_time";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/appointments/series", BookSeriesAsync).RequireAuthorization(Bearer(BookingRoles)).RequireRateLimiting(BookingLimit);
        api.MapGet("/appointments/series/{seriesId}", GetSeriesAsync).RequireAuthorization(Bearer(BookingRoles));
        api.MapDelete("/appointments/series/{seriesId}", CancelRestAsync).RequireAuthorization(Bearer(BookingRoles)).RequireRateLimiting(BookingLimit);
    }

    private static async Task<Results<Ok<SeriesPlanDto>, Created<SeriesDto>, Conflict<SeriesPlanDto>, ProblemHttpResult>> BookSeriesAsync(
        HttpContext http, BookSeriesHandler series, IScheduleQueries schedule, IVisitTypeQueries visitTypes, PracticeClock clock, IAccounts people, CancellationToken ct)
    {
        var (body, problem) = await ApiJson.ReadAsync<SeriesApiRequest>(http.Request, ct);
        if (problem is not null) return problem;
        var actor = await CallerAsync(http, people, ct);
        var (patientId, refused) = PatientOf(actor, body!.PatientId);
        if (refused is not null) return refused;
        if (body.VisitTypeId is not { } visitTypeId)
            return ApiProblems.Validation("Give the visit type as serviceId (see GET /api/visit-types).");
        if (LocalStart(body.FirstStart, clock) is not { } firstStart)
            return ApiProblems.Validation("Give firstStart as the practice's local date and time in ISO 8601, such as 2026-12-15T09:00.");
        if (actor.Role == Role.Patient && await visitTypes.FindAsync(visitTypeId, ct) is { } type && !(type.PatientsBookSeries && type.BookableOnline))
            return ApiProblems.For(Rejection.SeriesNotBookableOnline);
        if (body.EveryWeeks is not { } everyWeeks)
            return ApiProblems.Validation("Give everyWeeks (1 to 4).");
        var request = new SeriesRequest(patientId, visitTypeId, body.ClinicianId, firstStart, everyWeeks, body.Occurrences, body.Until);
        if (body.DryRun == true)
        {
            var (plan, invalid) = await series.PlanAsync(request, actor, ct);
            return plan is null ? ApiProblems.Validation(invalid!) : TypedResults.Ok(Dto(plan, clock));
        }
        var choices = new Dictionary<DateOnly, DateTimeOffset>();
        foreach (var choice in body.Choices ?? [])
            if (!choices.TryAdd(clock.DateOf(choice), choice.ToUniversalTime()))
                return ApiProblems.Validation("Give at most one choice for each date (choices).");
        var outcome = await series.BookAsync(request, actor, chosen: choices, ct: ct);
        if (outcome is { Booked: null, Plan: { } unbookable, Problem: not null })
            return TypedResults.Conflict(Dto(unbookable, clock)); // fewer than two of its dates can be booked now
        if (outcome.Problem is { } wrong)
            return ApiProblems.Validation(wrong);
        if (outcome.Refusal is { } refusal)
            return ApiProblems.For(refusal);
        if (outcome.Plan is { } again)
            return TypedResults.Conflict(Dto(again, clock));
        var booked = outcome.Booked!;
        return TypedResults.Created($"/api/appointments/series/{booked[0].SeriesId}", await SeriesAsync(booked[0].SeriesId!.Value, schedule, clock, ct));
    }

    private static async Task<Results<Ok<SeriesDto>, ProblemHttpResult>> GetSeriesAsync(
        string seriesId, HttpContext http, IScheduleQueries schedule, PracticeClock clock, IAccounts people, CancellationToken ct)
    {
        var actor = await CallerAsync(http, people, ct);
        if (!Guid.TryParse(seriesId, out var id) || await SeriesAsync(id, schedule, clock, ct) is not { } found
            || found.Appointments.Count == 0 || (!actor.IsStaff && !actor.SpeaksFor(found.PatientId)))
            return ApiProblems.NotFound("No such series.");
        return TypedResults.Ok(found);
    }

    private static async Task<Results<Ok<SeriesCancelledDto>, ProblemHttpResult>> CancelRestAsync(
        string seriesId, string? from, HttpContext http, CancelSeriesHandler cancel, IScheduleQueries schedule, PracticeClock clock, IAccounts people, CancellationToken ct)
    {
        var actor = await CallerAsync(http, people, ct);
        DateTimeOffset? start = null;
        if (!string.IsNullOrEmpty(from) && (start = Moment(from, clock)) is null)
            return ApiProblems.Validation("Give from as a date (2026-12-15), a local time (2026-12-15T09:00) or a moment with its offset.");
        if (!Guid.TryParse(seriesId, out var id) || await schedule.SeriesAppointmentsAsync(id, ct) is not [var first, ..]
            || (!actor.IsStaff && !actor.SpeaksFor(first.PatientId)))
            return ApiProblems.NotFound("No such series.");
        var (cancelled, refused) = await cancel.HandleAsync(id, actor, start, ct);
        return TypedResults.Ok(new SeriesCancelledDto(cancelled.Select(c => c.AppointmentId).ToArray(),
            refused.Select(r => new SeriesRefusalDto(r.Appointment.AppointmentId, ApiProblems.ErrorCode(r.Why), RejectionText.For(r.Why))).ToArray()));
    }

    /// <summary>How a local date and time of the practice is written (ISO 8601 without an offset).</summary>
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    /// <summary>A moment from a date (its start in the practice), a local time of the practice, or ISO 8601 with an offset.</summary>
    private static DateTimeOffset? Moment(string text, PracticeClock clock)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return Domain.Scheduling.PracticeTime.ToUtc(date, TimeOnly.MinValue, clock.Zone);
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return Domain.Scheduling.PracticeTime.ToUtc(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), clock.Zone);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : null;
    }

    /// <summary>A local date and time of the practice from ISO 8601 text (with an offset: that moment, in the practice's time).</summary>
    private static DateTime? LocalStart(string? text, PracticeClock clock)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return local;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? clock.ToLocal(instant).DateTime : null;
    }

    private static SeriesPlanDto Dto(SeriesPlan plan, PracticeClock clock) => new(plan.SeriesId,
        plan.Dates.Select(d => new SeriesDateDto(d.Date, d.StartUtc is { } start ? clock.ToLocal(start) : null, d.Bookable, d.ClinicianId,
            d.Bookable ? null : d.Refusal is { } why ? ApiProblems.ErrorCode(why) : NoFreeTime,
            d.Bookable ? null : d.Refusal is { } reason ? RejectionText.For(reason) : "Nobody is free at that time that day.",
            d.Alternatives.Select(a => clock.ToLocal(a.Offer.StartUtc)).ToArray())).ToArray(),
        plan.Changed);

    private static async Task<SeriesDto?> SeriesAsync(Guid seriesId, IScheduleQueries schedule, PracticeClock clock, CancellationToken ct)
    {
        var all = await schedule.SeriesAppointmentsAsync(seriesId, ct);
        if (all.Count == 0)
            return null;
        return new SeriesDto(seriesId, all[0].PatientId, all[0].VisitTypeId, all.Select(a => new SeriesAppointmentDto(
            a.AppointmentId, clock.ToLocal(a.StartUtc), clock.ToLocal(a.EndUtc), a.Team, a.RoomId,
            a.Cancelled is not null ? "cancelled" : a.VisitOutcome ?? "confirmed")).ToArray());
    }
}
