using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Domain;
using ClinicPortal.Features.Api;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Infrastructure.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using static ClinicPortal.Features.Api.ApiValues;

namespace ClinicPortal.Features.Admin.VisitTypes;

/// <summary>The practice's visit types: listed for whoever books or gives them, defined by the owner; <c>/services</c> is the first contract's alias.</summary>
public static class VisitTypesEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        string[] readers = [.. BookingRoles, .. Roles.ClinicianRoles];
        api.MapGet("/visit-types", GetVisitTypesAsync).RequireAuthorization(Bearer(readers));
        api.MapPost("/visit-types", AddVisitTypeAsync).RequireAuthorization(Bearer(Roles.Admin));
        api.MapPut("/visit-types/{visitTypeId}", (string visitTypeId, HttpContext http, DefineVisitTypeHandler define, Availability availability, PeopleDirectory people, CancellationToken ct) =>
            ChangeVisitTypeAsync(visitTypeId, http, define, availability, people, ct)).RequireAuthorization(Bearer(Roles.Admin));
        api.MapGet("/services", GetVisitTypesAsync).RequireAuthorization(Bearer(readers)).Deprecated("GET /api/visit-types");
        api.MapPost("/services", AddVisitTypeAsync).RequireAuthorization(Bearer(Roles.Admin)).Deprecated("POST /api/visit-types");
        api.MapPut("/services/{serviceId}", ChangeVisitTypeAsync).RequireAuthorization(Bearer(Roles.Admin)).Deprecated("PUT /api/visit-types/{visitTypeId}");
    }


    private static async Task<Ok<IReadOnlyList<VisitTypeDto>>> GetVisitTypesAsync(HttpContext http, Availability availability, CancellationToken ct)
    {
        var byPatient = CurrentActor.From(http.User)!.Role == Role.Patient;
        var result = new List<VisitTypeDto>();
        foreach (var type in await availability.VisitTypesAsync(byPatient, ct))
            result.Add(await VisitTypeDtoAsync(type, availability, ct));
        return TypedResults.Ok<IReadOnlyList<VisitTypeDto>>(result);
    }

    private static async Task<VisitTypeDto> VisitTypeDtoAsync(VisitType type, Availability availability, CancellationToken ct) =>
        new(type.Id, type.Name, type.Description, type.Minutes, type.BookableOnline,
            (await availability.CliniciansGivingAsync(type, ct)).Select(c => c.Id).ToArray(), type.GivenByKinds, type.Colour, type.RoomFeature, type.Parts, type.PatientsBookSeries);

    private static Task<Results<Created<VisitTypeDto>, Ok<VisitTypeDto>, ProblemHttpResult>> AddVisitTypeAsync(
        HttpContext http, DefineVisitTypeHandler define, Availability availability, PeopleDirectory people, CancellationToken ct) =>
        DefineVisitTypeAsync(null, http, define, availability, people, ct);

    private static async Task<Results<Created<VisitTypeDto>, Ok<VisitTypeDto>, ProblemHttpResult>> ChangeVisitTypeAsync(
        string serviceId, HttpContext http, DefineVisitTypeHandler define, Availability availability, PeopleDirectory people, CancellationToken ct) =>
        Guid.TryParse(serviceId, out var id) ? await DefineVisitTypeAsync(id, http, define, availability, people, ct) : ApiProblems.NotFound("No such visit type.");

    /// <summary>A visit type names at most this many clinicians by name (a practice has 1 to 5).</summary>
    private const int MaxNamedClinicians = 20;

    private static async Task<Results<Created<VisitTypeDto>, Ok<VisitTypeDto>, ProblemHttpResult>> DefineVisitTypeAsync(
        Guid? id, HttpContext http, DefineVisitTypeHandler define, Availability availability, PeopleDirectory people, CancellationToken ct)
    {
        var (request, problem) = await ApiJson.ReadAsync<VisitTypeRequest>(http.Request, ct);
        if (problem is not null) return problem;
        if (request!.DurationMinutes is not { } minutes && request.Parts is not { Count: > 0 })
            return ApiProblems.Validation("'durationMinutes' is required (or 'parts', for a visit of several clinicians).");
        if (await CliniciansProblemAsync(request, people, ct) is { } wrong)
            return wrong;
        var form = new VisitTypeForm(request.Name ?? "", request.Description ?? "", request.DurationMinutes ?? 0, request.ClinicianKinds ?? [],
            request.ClinicianIds ?? [], request.BookableOnline ?? true, request.Colour ?? "#546e7a", request.RoomFeature, request.Parts,
            request.PatientsBookSeries ?? false);
        var result = await define.HandleAsync(id, form, CurrentActor.From(http.User)!, ct);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        var dto = await VisitTypeDtoAsync(VisitType.From(result.Value!), availability, ct);
        return id is null ? TypedResults.Created($"/api/services/{dto.VisitTypeId}", dto) : TypedResults.Ok(dto);
    }

    /// <summary>
    /// Who gives the visit, as the body names them: kinds that exist, and clinicians of the practice (no one else, and not
    /// too many); each refusal names its field.
    /// </summary>
    private static async Task<ProblemHttpResult?> CliniciansProblemAsync(VisitTypeRequest request, PeopleDirectory people, CancellationToken ct)
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
                return ApiProblems.Validation($"'clinicianIds' holds {clinician}, who is not a clinician of the practice: give ids from GET /api/visit-types or the staff list.");
        return null;
    }
}
