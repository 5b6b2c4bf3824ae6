using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain;
using ClinicPortal.Features.Api;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Globalization;
using static ClinicPortal.Features.Api.ApiValues;

namespace ClinicPortal.Features.Scheduling.ScheduleDay;

/// <summary>A clinician scheduling their own day in blocks of time; <c>/doctors/me/days</c> is the first contract's alias.</summary>
public static class ScheduleDayEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/clinicians/me/days", ScheduleMyDayAsync).RequireAuthorization(Bearer(Roles.ClinicianRoles));
        api.MapPost("/doctors/me/days", ScheduleMyDayAsync).RequireAuthorization(Bearer(Roles.ClinicianRoles)).Deprecated("POST /api/clinicians/me/days");
    }


    private static async Task<Results<Created<DayDto>, ProblemHttpResult>> ScheduleMyDayAsync(
        HttpContext http, ScheduleDayHandler schedule, PracticeClock clock, CancellationToken ct)
    {
        var (request, problem) = await ApiJson.ReadAsync<ScheduleDayRequest>(http.Request, ct);
        if (problem is not null) return problem;
        if (ParseDate(request!.Date, clock) is not { } date)
            return ApiProblems.Validation(DateRule(clock));
        if (request.Blocks is not { Count: > 0 } blocks)
            return ApiProblems.For(Rejection.NoBlocks);
        if (blocks.Count > SlotBlock.MaxSlotsPerDay)
            return ApiProblems.For(Rejection.TooManySlotsInDay);
        var parsed = new List<BlockOfTime>();
        foreach (var block in blocks)
        {
            if (!TimeOnly.TryParseExact(block.Start, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ||
                !TimeOnly.TryParseExact(block.End, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
                return ApiProblems.Validation("Each block needs a start and an end as HH:mm, such as 09:00.");
            parsed.Add(new BlockOfTime(start, end, RoomId: block.RoomId));
        }

        var actor = CurrentActor.From(http.User)!;
        var result = await schedule.HandleAsync(actor.Id, date, parsed, actor, ct);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        var day = result.Value!;
        return TypedResults.Created($"/api/doctors/{actor.Id}/days/{date:yyyy-MM-dd}",
            new DayDto(day.ClinicianId, day.Date, day.Slots.Select(s => Slot(s.SlotId, s.StartUtc, s.EndUtc, clock)).ToArray()));
    }
}
