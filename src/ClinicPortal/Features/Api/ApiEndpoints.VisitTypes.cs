using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Features.Admin.VisitTypes;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Application.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicPortal.Features.Api;

/// <summary>Visit types ("services"), when they can be booked, and booking one as an appointment.</summary>
public static partial class ApiEndpoints
{
    private static void MapVisitTypes(RouteGroupBuilder api)
    {
        var booking = BookingRoles;
        api.MapGet("/services", GetServicesAsync).RequireAuthorization(Bearer([.. booking, .. Roles.ClinicianRoles]));
        api.MapPost("/services", AddServiceAsync).RequireAuthorization(Bearer(Roles.Admin));
        api.MapPut("/services/{serviceId}", ChangeServiceAsync).RequireAuthorization(Bearer(Roles.Admin));
        api.MapGet("/availability", GetAvailabilityAsync).RequireAuthorization(Bearer(booking));
        api.MapGet("/availability/next", GetNextAvailableAsync).RequireAuthorization(Bearer(booking));
        api.MapPost("/appointments", BookAppointmentAsync).RequireAuthorization(Bearer(booking)).RequireRateLimiting(BookingLimit);
        api.MapPost("/appointments/{appointmentId}/move", MoveAppointmentAsync).RequireAuthorization(Bearer(booking)).RequireRateLimiting(BookingLimit);
    }

    private static async Task<Ok<IReadOnlyList<ServiceDto>>> GetServicesAsync(HttpContext http, Availability availability, CancellationToken ct)
    {
        var byPatient = CurrentActor.From(http.User)!.Role == Role.Patient;
        var result = new List<ServiceDto>();
        foreach (var type in await availability.VisitTypesAsync(byPatient, ct))
            result.Add(await ServiceAsync(type, availability, ct));
        return TypedResults.Ok<IReadOnlyList<ServiceDto>>(result);
    }

    private static async Task<ServiceDto> ServiceAsync(VisitType type, Availability availability, CancellationToken ct) =>
        new(type.Id, type.Name, type.Description, type.Minutes, type.BookableOnline,
            (await availability.CliniciansGivingAsync(type, ct)).Select(c => c.Id).ToArray(), type.GivenByKinds, type.Colour, type.RoomFeature, type.Parts);

    private static Task<Results<Created<ServiceDto>, Ok<ServiceDto>, ProblemHttpResult>> AddServiceAsync(
        HttpContext http, DefineVisitTypeHandler define, Availability availability, PeopleDirectory people, CancellationToken ct) =>
        DefineServiceAsync(null, http, define, availability, people, ct);

    private static async Task<Results<Created<ServiceDto>, Ok<ServiceDto>, ProblemHttpResult>> ChangeServiceAsync(
        string serviceId, HttpContext http, DefineVisitTypeHandler define, Availability availability, PeopleDirectory people, CancellationToken ct) =>
        Guid.TryParse(serviceId, out var id) ? await DefineServiceAsync(id, http, define, availability, people, ct) : ApiProblems.NotFound("No such service.");

    /// <summary>A visit type names at most this many clinicians by name (a practice has 1 to 5).</summary>
    private const int MaxNamedClinicians = 20;

    private static async Task<Results<Created<ServiceDto>, Ok<ServiceDto>, ProblemHttpResult>> DefineServiceAsync(
        Guid? id, HttpContext http, DefineVisitTypeHandler define, Availability availability, PeopleDirectory people, CancellationToken ct)
    {
        var (request, problem) = await ApiJson.ReadAsync<ServiceRequest>(http.Request, ct);
        if (problem is not null) return problem;
        if (request!.DurationMinutes is not { } minutes && request.Parts is not { Count: > 0 })
            return ApiProblems.Validation("'durationMinutes' is required (or 'parts', for a visit of several clinicians).");
        if (await CliniciansProblemAsync(request, people, ct) is { } wrong)
            return wrong;
        var form = new VisitTypeForm(request.Name ?? "", request.Description ?? "", request.DurationMinutes ?? 0, request.ClinicianKinds ?? [],
            request.ClinicianIds ?? [], request.BookableOnline ?? true, request.Colour ?? "#546e7a", request.RoomFeature, request.Parts);
        var result = await define.HandleAsync(id, form, CurrentActor.From(http.User)!, ct);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        var dto = await ServiceAsync(VisitType.From(result.Value!), availability, ct);
        return id is null ? TypedResults.Created($"/api/services/{dto.ServiceId}", dto) : TypedResults.Ok(dto);
    }

    /// <summary>
    /// Who gives the visit, as the body names them: kinds that exist, and clinicians of the practice (no one else, and not
    /// too many); each refusal names its field.
    /// </summary>
    private static async Task<ProblemHttpResult?> CliniciansProblemAsync(ServiceRequest request, PeopleDirectory people, CancellationToken ct)
    {
        var kinds = string.Join(", ", Enum.GetNames<ClinicianKind>());
        foreach (var kind in request.ClinicianKinds ?? [])
            if (!Enum.IsDefined(kind))
                return ApiProblems.Validation($"'clinicianKinds' holds {(int)kind}, which is no kind of clinician: give {kinds}.");
        var parts = request.Parts ?? [];
        for (var i = 0; i < parts.Count; i++)
            if (!Enum.IsDefined(parts[i].Kind))
                return ApiProblems.Validation($"'parts[{i}].kind' is no kind of clinician: give {kinds}.");
        var ids = request.ClinicianIds ?? [];
        if (ids.Count > MaxNamedClinicians)
            return ApiProblems.Validation($"'clinicianIds' names at most {MaxNamedClinicians} clinicians.");
        var kindOf = await people.KindsAsync(ct);
        foreach (var clinician in ids.Distinct())
            if (kindOf(clinician) is null)
                return ApiProblems.Validation($"'clinicianIds' holds {clinician}, who is not a clinician of the practice: give ids from GET /api/services or the staff list.");
        return null;
    }

    /// <summary>The visit type a caller asked for, if it exists and they may book it; else the problem to answer.</summary>
    private static async Task<(VisitType? Type, ProblemHttpResult? Problem)> BookableVisitTypeAsync(
        string? serviceId, bool byPatient, Availability availability, CancellationToken ct)
    {
        if (!Guid.TryParse(serviceId, out var id))
            return (null, ApiProblems.Validation("Give the service as serviceId (see GET /api/services)."));
        var type = (await availability.VisitTypesAsync(byPatient: false, ct)).FirstOrDefault(t => t.Id == id);
        if (type is null)
            return (null, ApiProblems.For(Rejection.VisitTypeNotFound));
        return byPatient && !type.BookableOnline ? (null, ApiProblems.For(Rejection.ServiceNotBookableOnline)) : (type, null);
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

    private static (Guid? Id, ProblemHttpResult? Problem) ParseClinician(string? clinicianId) =>
        string.IsNullOrEmpty(clinicianId) ? (null, null)
        : Guid.TryParse(clinicianId, out var id) ? (id, null)
        : (null, ApiProblems.Validation("Give clinicianId as an id from GET /api/services, or leave it out."));

    private static async Task<IReadOnlyList<ClinicianStartsDto>> StartsAsync(DayOffers offers, PeopleDirectory people, PracticeClock clock, CancellationToken ct)
    {
        var kindOf = await people.KindsAsync(ct);
        return offers.Doctors.Select(d => new ClinicianStartsDto(d.DoctorId, d.DoctorName, kindOf(d.DoctorId) ?? ClinicianKind.Doctor,
            d.Offers.Select(o => new StartDto(clock.ToLocal(o.StartUtc), clock.ToLocal(o.EndUtc), o.SlotIds)).ToArray())).ToArray();
    }

    private static async Task<Results<Created<AppointmentDto>, ProblemHttpResult>> BookAppointmentAsync(
        HttpContext http, BookSlotsHandler book, AppointmentAnswers answers, CancellationToken ct)
    {
        var (request, problem) = await ApiJson.ReadAsync<AppointmentRequest>(http.Request, ct);
        if (problem is not null) return problem;
        if (request!.ServiceId is not { } serviceId)
            return ApiProblems.Validation("Give the service as serviceId (see GET /api/services).");
        var actor = CurrentActor.From(http.User)!;
        var (patientId, refused) = PatientOf(actor, request.PatientId);
        if (refused is not null) return refused;

        var result = await book.HandleAsync(patientId, request.SlotIds ?? [], actor, ct, serviceId, request.Reason, request.OverrideReason);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        var booked = result.Value!;
        return TypedResults.Created($"/api/bookings/{booked.BookingId}", await answers.OfAsync(booked.BookingId, booked.VisitType, booked.Slots, booked.Parts, ct));
    }

    /// <summary>
    /// Moves an appointment to another start with the same clinicians; its length stays, and each part of a visit of
    /// several clinicians keeps its offset (the decider checks the rest).
    /// </summary>
    private static async Task<Results<Ok<AppointmentDto>, ProblemHttpResult>> MoveAppointmentAsync(
        string appointmentId, HttpContext http, Features.Booking.MoveBooking.MoveBookingHandler move, IScheduleQueries schedule,
        PracticeClock clock, AppointmentAnswers answers, CancellationToken ct)
    {
        var (request, problem) = await ApiJson.ReadAsync<MoveRequest>(http.Request, ct);
        if (problem is not null) return problem;
        if (request!.Start is not { } start)
            return ApiProblems.Validation("Give the new start as an ISO 8601 time, such as 2026-12-14T10:00:00+00:00.");
        var actor = CurrentActor.From(http.User)!;
        if (!Guid.TryParse(appointmentId, out var id) || await schedule.BookingAsync(id, ct) is not { } booking
            || (actor.Role == Role.Patient && booking.PatientId != actor.Id))
            return ApiProblems.NotFound("No such appointment.");
        var date = DateOnly.FromDateTime(clock.ToLocal(start).DateTime);
        var slotIds = new List<Guid>();
        foreach (var part in await schedule.PartsAsync(id, ct))
        {
            var partStart = start + (part.StartUtc - booking.StartUtc);
            var day = await schedule.DoctorDayAsync(part.ClinicianId, date, ct);
            var first = day.Slots.ToList().FindIndex(s => s.StartUtc == partStart);
            if (first < 0)
                return ApiProblems.For(Rejection.SlotNotFound);
            slotIds.AddRange(day.Slots.Skip(first).Take((int)((part.EndUtc - part.StartUtc) / SlotBlock.SlotLength)).Select(s => s.SlotId));
        }

        var result = await move.HandleAsync(id, slotIds, actor, ct, request.OverrideReason);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        return TypedResults.Ok(await answers.OfAsync(result.Value!.BookingId, result.Value.VisitTypeId, result.Value.ToSlots, result.Value.ToParts, ct));
    }
}
