using ClinicPortal.Features.Api;
using ClinicPortal.Infrastructure.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using static ClinicPortal.Features.Api.ApiValues;

namespace ClinicPortal.Features.Reception.Patients;

/// <summary>The phone-booking search for staff.</summary>
public static class PatientsEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/patients", FindPatientsAsync).RequireAuthorization(Bearer(Roles.Receptionist, Roles.Admin));


    /// <summary>The phone-booking search: patients whose name or email contains the query (at least two characters).</summary>
    private static async Task<Results<Ok<IReadOnlyList<PatientDto>>, ProblemHttpResult>> FindPatientsAsync(
        string? query, PeopleDirectory people, CancellationToken ct)
    {
        if (query?.Trim() is not { Length: >= 2 } text)
            return ApiProblems.Validation("Give at least two letters of the patient's name or email as query.");
        IReadOnlyList<PatientDto> found = (await people.SearchPatientsAsync(text, ct)).Select(p => new PatientDto(p.Id, p.Name, p.Email, p.Phone)).ToArray();
        return TypedResults.Ok(found);
    }
}
