using System.Text.Json;
using ClinicPortal.Application.Ports;
using ClinicPortal.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace ClinicPortal.Features.PatientData;

/// <summary>
/// "Everything the practice holds about me" as a JSON file, for the signed-in browser: a patient's own (or a dependant's,
/// <c>?patient=</c>), or any patient's for the practice owner. Anyone else's answers 404, as for a patient who is not.
/// </summary>
public static class PatientDataDownload
{
    public const string Path = "/my-data.json";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Link(Guid? patient) => patient is { } id ? $"{Path}?patient={id}" : Path;

    public static void MapPatientDataDownload(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (string? patient, HttpContext http, PatientDataHandler data, IAccounts people,
            Infrastructure.Practice.PracticeSettings practice, CancellationToken ct) =>
        {
            var by = await people.SpeakingAsync(CurrentActor.From(http.User)!, ct);
            var patientId = Guid.TryParse(patient, out var asked) ? asked : by.Id;
            if (!PatientDataHandler.MayRead(by, patientId) || await data.ReadAsync(patientId, practice.Current.Name, ct) is not { } found)
                return Results.Text("There is nothing here for you.", statusCode: StatusCodes.Status404NotFound);
            http.RequestServices.GetRequiredService<IAccessLog>().Record(patientId, by, "the file of everything held about them");
            return Results.File(JsonSerializer.SerializeToUtf8Bytes(found, Json), "application/json; charset=utf-8",
                $"clinicportal-my-data-{found.MadeAt:yyyy-MM-dd}.json");
        }).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Patient + "," + Roles.Admin });
}
