using ClinicPortal.Application.Queries;
using ClinicPortal.Domain;
using ClinicPortal.Features.Api;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using Microsoft.AspNetCore.Http.HttpResults;
using static ClinicPortal.Features.Api.ApiValues;

namespace ClinicPortal.Features.Booking.BookSlots;

/// <summary>Booking a visit type: when it can be booked (<c>/availability</c>), and booking it as an appointment; <c>/slots</c> and <c>POST /bookings</c> are the first contract's aliases.</summary>
public static class BookSlotsEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/availability", GetAvailabilityAsync).RequireAuthorization(Bearer(BookingRoles));
        api.MapGet("/availability/next", GetNextAvailableAsync).RequireAuthorization(Bearer(BookingRoles));
        api.MapPost("/appointments", BookAppointmentAsync).RequireAuthorization(Bearer(BookingRoles)).RequireRateLimiting(BookingLimit);
        api.MapGet("/slots", GetSlotsAsync).RequireAuthorization(Bearer(BookingRoles)).Deprecated("GET /api/availability");
        api.MapPost("/bookings", BookAsync).RequireAuthorization(Bearer(BookingRoles)).RequireRateLimiting(BookingLimit).Deprecated("POST /api/appointments");
    }


    private static async Task<Results<Ok<IReadOnlyList<ClinicianStartsDto>>, ProblemHttpResult>> GetAvailabilityAsync(
        string? serviceId, string? date, string? clinicianId, HttpContext http, Availability availability, PeopleDirectory people,
        PracticeClock clock, CancellationToken ct)
    {
        var byPatient = CurrentActor.From(http.User)!.Role == Role.Patient;
        var (type, problem) = await BookableVisitTypeAsync(serviceId, byPatient, availability, ct);
        if (problem is not null) return problem;
        if (ParseDate(date, clock) is not { } day)
            return ApiProblems.Validation(DateRule(clock));
        var clinician = ParseClinician(clinicianId);
        if (clinician.Problem is { } badClinician)
            return badClinician;
        var offers = await availability.DayAsync(type!, day, byPatient, clinician.Id, ct: ct);
        return TypedResults.Ok(await StartsAsync(offers, people, clock, ct));
    }

    private static async Task<Results<Ok<NextAvailableDto>, ProblemHttpResult>> GetNextAvailableAsync(
        string? serviceId, string? clinicianId, HttpContext http, Availability availability, PeopleDirectory people,
        PracticeClock clock, CancellationToken ct)
    {
        var byPatient = CurrentActor.From(http.User)!.Role == Role.Patient;
        var (type, problem) = await BookableVisitTypeAsync(serviceId, byPatient, availability, ct);
        if (problem is not null) return problem;
        var clinician = ParseClinician(clinicianId);
        if (clinician.Problem is { } badClinician)
            return badClinician;
        if (await availability.NextAsync(type!, clock.Today, byPatient, clinician.Id, ct) is not { } next)
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "no_availability",
                $"No free time for {type!.Name} in the next {Availability.NextAvailableDays} days.");
        return TypedResults.Ok(new NextAvailableDto(next.Date, await StartsAsync(next.Offers, people, clock, ct)));
    }

    private static async Task<IReadOnlyList<ClinicianStartsDto>> StartsAsync(DayOffers offers, PeopleDirectory people, PracticeClock clock, CancellationToken ct)
    {
        var kindOf = await people.KindsAsync(ct);
        return offers.Clinicians.Select(d => new ClinicianStartsDto(d.ClinicianId, d.ClinicianName, kindOf(d.ClinicianId) ?? ClinicianKind.Doctor,
            d.Offers.Select(o => new StartDto(clock.ToLocal(o.StartUtc), clock.ToLocal(o.EndUtc), o.SlotIds)).ToArray())).ToArray();
    }

    private static async Task<Results<Created<AppointmentDto>, ProblemHttpResult>> BookAppointmentAsync(
        HttpContext http, BookSlotsHandler book, AppointmentAnswers answers, PeopleDirectory people, CancellationToken ct)
    {
        var (request, problem) = await ApiJson.ReadAsync<AppointmentRequest>(http.Request, ct);
        if (problem is not null) return problem;
        if (request!.VisitTypeId is not { } visitTypeId)
            return ApiProblems.Validation("Give the visit type as serviceId (see GET /api/visit-types).");
        var actor = await CallerAsync(http, people, ct);
        var (patientId, refused) = PatientOf(actor, request.PatientId);
        if (refused is not null) return refused;

        var result = await book.HandleAsync(patientId, request.SlotIds ?? [], actor, ct, visitTypeId, request.Reason, request.OverrideReason);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        var booked = result.Value!;
        return TypedResults.Created($"/api/bookings/{booked.AppointmentId}", await answers.OfAsync(booked.AppointmentId, booked.VisitType, booked.Slots, booked.Parts, ct));
    }

    /// <summary>Today's contract: the day's free slots that can be booked as a Consultation (one slot), per clinician.</summary>
    private static async Task<Results<Ok<IReadOnlyList<ClinicianSlotsDto>>, ProblemHttpResult>> GetSlotsAsync(
        string? date, HttpContext http, Availability availability, IVisitTypeQueries visitTypes, PracticeClock clock, CancellationToken ct)
    {
        if (ParseDate(date, clock) is not { } day)
            return ApiProblems.Validation(DateRule(clock));
        var consultation = await visitTypes.FindAsync(Domain.VisitTypes.VisitType.ConsultationId, ct) ?? Domain.VisitTypes.VisitType.Consultation;
        var byPatient = CurrentActor.From(http.User)!.Role == Role.Patient;
        var offers = byPatient && !consultation.BookableOnline ? DayOffers.None : await availability.DayAsync(consultation, day, byPatient, ct: ct);
        IReadOnlyList<ClinicianSlotsDto> result = offers.Clinicians
            .Select(d => new ClinicianSlotsDto(d.ClinicianId, d.ClinicianName, d.Offers.Select(o => Slot(o.FirstSlotId, o.StartUtc, o.EndUtc, clock)).ToArray()))
            .ToArray();
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Created<BookingDto>, ProblemHttpResult>> BookAsync(
        HttpContext http, BookSlotsHandler book, PeopleDirectory people, PracticeClock clock, CancellationToken ct)
    {
        var (request, problem) = await ApiJson.ReadAsync<BookRequest>(http.Request, ct);
        if (problem is not null) return problem;
        var actor = await CallerAsync(http, people, ct);
        var slotIds = request!.SlotIds ?? []; // how many slots a booking may take is the decider's rule

        var (patientId, refused) = PatientOf(actor, request.PatientId);
        if (refused is not null) return refused;

        var result = await book.HandleAsync(patientId, slotIds, actor, ct);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        var booked = result.Value!;
        return TypedResults.Created($"/api/bookings/{booked.AppointmentId}",
            new BookingDto(booked.AppointmentId, booked.PatientId, booked.ClinicianId, booked.Slots.Select(s => Slot(s.SlotId, s.StartUtc, s.EndUtc, clock)).ToArray()));
    }
}
