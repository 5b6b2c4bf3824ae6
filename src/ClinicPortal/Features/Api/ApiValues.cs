using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Domain;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using System.Globalization;

namespace ClinicPortal.Features.Api;

/// <summary>What every endpoint of the API shares: who may call it, its rate limits' names, and how its requests name dates, slots, patients and visit types.</summary>
public static class ApiValues
{
    /// <summary>Marks a route as a deprecated alias in the OpenAPI document, naming the route to use instead.</summary>
    internal static RouteHandlerBuilder Deprecated(this RouteHandlerBuilder route, string use) =>
        route.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Deprecated = true;
            operation.Description = $"Deprecated: an alias kept for existing callers; use {use}.";
            return Task.CompletedTask;
        });

    internal const string SignInLimit = "sign-in";
    internal const string BookingLimit = "booking";
    internal const string CalendarFeedLimit = "calendar-feed";
    /// <summary>Who books (and holds) a time: a patient for themselves, staff for anyone.</summary>
    internal static readonly string[] BookingRoles = [Roles.Patient, Roles.Receptionist, Roles.Admin];

    internal static AuthorizationPolicy Bearer(params string[] roles) =>
        new AuthorizationPolicyBuilder(IdentityConstants.BearerScheme).RequireAuthenticatedUser().RequireRole(roles).Build();

    /// <summary>The caller as the domain sees them: a patient with the dependants their account books for (<see cref="Actor.Dependants"/>).</summary>
    internal static async Task<Actor> CallerAsync(HttpContext http, Application.Ports.IAccounts people, CancellationToken ct) =>
        await people.SpeakingAsync(CurrentActor.From(http.User)!, ct);

    /// <summary>
    /// Whom a booking is for: staff name the patient (the handler makes sure it is one); patients book for themselves, or
    /// name one of their dependants (<paramref name="actor"/> as <see cref="CallerAsync"/> gives it).
    /// </summary>
    internal static (Guid PatientId, ProblemHttpResult? Refused) PatientOf(Actor actor, Guid? named)
    {
        if (actor.IsStaff)
            return named is { } forPatient ? (forPatient, null) : (Guid.Empty, ApiProblems.Validation("Staff must name the patient (patientId)."));
        return named is { } other && !actor.SpeaksFor(other)
            ? (Guid.Empty, ApiProblems.Forbidden("Patients book for themselves; leave patientId out."))
            : (named ?? actor.Id, null);
    }

    internal static SlotDto Slot(Guid id, DateTimeOffset start, DateTimeOffset end, PracticeClock clock) =>
        new(id, clock.ToLocal(start), clock.ToLocal(end));

    /// <summary>A practice date as yyyy-MM-dd, from a year ago to two years ahead.</summary>
    internal static DateOnly? ParseDate(string? text, PracticeClock clock) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date >= clock.Today.AddYears(-1) && date <= clock.Today.AddYears(2)
            ? date
            : null;

    internal static string DateRule(PracticeClock clock) =>
        $"Give the date as yyyy-MM-dd, between {clock.Today.AddYears(-1):yyyy-MM-dd} and {clock.Today.AddYears(2):yyyy-MM-dd}.";

    /// <summary>The visit type a caller asked for, if it exists and they may book it; else the problem to answer.</summary>
    internal static async Task<(VisitType? Type, ProblemHttpResult? Problem)> BookableVisitTypeAsync(
        string? serviceId, bool byPatient, Availability availability, CancellationToken ct)
    {
        if (!Guid.TryParse(serviceId, out var id))
            return (null, ApiProblems.Validation("Give the visit type as serviceId (see GET /api/visit-types)."));
        var type = (await availability.VisitTypesAsync(byPatient: false, ct)).FirstOrDefault(t => t.Id == id);
        if (type is null)
            return (null, ApiProblems.For(Rejection.VisitTypeNotFound));
        return byPatient && !type.BookableOnline ? (null, ApiProblems.For(Rejection.VisitTypeNotBookableOnline)) : (type, null);
    }

    internal static (Guid? Id, ProblemHttpResult? Problem) ParseClinician(string? clinicianId) =>
        string.IsNullOrEmpty(clinicianId) ? (null, null)
        : Guid.TryParse(clinicianId, out var id) ? (id, null)
        : (null, ApiProblems.Validation("Give clinicianId as an id from GET /api/visit-types, or leave it out."));
}
