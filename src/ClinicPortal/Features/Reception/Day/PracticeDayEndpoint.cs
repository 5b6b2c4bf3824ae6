using ClinicPortal.Application.Queries;
using ClinicPortal.Features.Api;
using ClinicPortal.Features.Shared.TimeGrid;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using System.Globalization;
using static ClinicPortal.Features.Api.ApiValues;

namespace ClinicPortal.Features.Reception.Day;

/// <summary>A practice day for staff, now or as it stood at any past moment (folded from the log up to that moment).</summary>
public static class PracticeDayEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/days/{date}", GetDayAsync).RequireAuthorization(Bearer([Roles.Receptionist, Roles.Admin, .. Roles.ClinicianRoles]));


    private static async Task<IResult> GetDayAsync(
        string date, string? asOf, StaffDayReader reader, IPastQueries history, PeopleDirectory people, PracticeClock clock, CancellationToken ct)
    {
        if (ParseDate(date, clock) is not { } day)
            return ApiProblems.Validation(DateRule(clock));
        DateTimeOffset? moment = null;
        if (asOf is not null)
        {
            if (!DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                return ApiProblems.Validation("'asOf' is a moment in ISO 8601, such as 2026-12-03T10:00:00Z or 2026-12-03T10:00:00+00:00.");
            if (parsed > clock.Now)
                return ApiProblems.Validation("'asOf' must be a moment that has passed: the future has no view yet.");
            moment = parsed;
        }
        var clinicians = await people.ClinicianPeopleAsync(ct);
        var position = moment is { } at ? await history.PositionAtAsync(at, ct) : (long?)null;
        var days = position is { } past ? await reader.ReadAsOfAsync(clinicians, day, past, ct) : await reader.ReadAsync(clinicians.Select(c => (c, day)), ct);
        var answer = days.Days
            .Where(d => d.Day.Slots.Count > 0 || d.Day.Cancelled)
            .Select(d => new ClinicianDayDto(d.Clinician.Id, d.Clinician.Name, d.Day.Cancelled, d.Day.CancelReason,
                d.Day.Slots.Select(s => new DaySlotDto(s.SlotId, clock.ToLocal(s.StartUtc), clock.ToLocal(s.EndUtc), s.AppointmentId is null ? "free" : "booked",
                    s.AppointmentId, s.PatientId, s.PatientId is { } p ? days.Names.GetValueOrDefault(p) : null, s.VisitOutcome)).ToArray()))
            .ToArray();
        return TypedResults.Ok(new PracticeDayDto(day, moment is { } m ? clock.ToLocal(m) : null, position, answer));
    }
}
