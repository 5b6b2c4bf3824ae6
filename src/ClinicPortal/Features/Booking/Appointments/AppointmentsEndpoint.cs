using ClinicPortal.Application.Ports;
using ClinicPortal.Application.Queries;
using ClinicPortal.Application;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain;
using ClinicPortal.Features.Api;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using Microsoft.AspNetCore.Http.HttpResults;
using static ClinicPortal.Features.Api.ApiValues;

namespace ClinicPortal.Features.Booking.Appointments;

/// <summary>Appointments read whole, and listed for staff by patient or by slot: as the reference booking service offers them.</summary>
public static class AppointmentsEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/appointments/{appointmentId}", GetAppointmentAsync).RequireAuthorization(Bearer(BookingRoles));
        api.MapGet("/appointments", ListAppointmentsAsync).RequireAuthorization(Bearer(Roles.Receptionist, Roles.Admin));
    }

    public const int MaxListLimit = 100;

    /// <summary>The appointment (a booking, or a hold by its id) with its status and history; 404 for anyone else's.</summary>
    private static async Task<Results<Ok<AppointmentDetailDto>, ProblemHttpResult>> GetAppointmentAsync(
        string appointmentId, HttpContext http, IScheduleQueries schedule, IHoldQueries holds, IAuditQueries audit, PracticeClock clock, IAccounts people,
        CancellationToken ct)
    {
        var actor = await CallerAsync(http, people, ct);
        if (!Guid.TryParse(appointmentId, out var id))
            return ApiProblems.NotFound("No such appointment.");
        if (await schedule.AppointmentAsync(id, ct) is { } booking && (actor.IsStaff || (actor.Role == Role.Patient && actor.SpeaksFor(booking.PatientId))))
            return TypedResults.Ok(await DetailAsync(booking, schedule, holds, audit, clock, ct));
        if (await holds.FindAsync(id, ct) is { } hold && (actor.IsStaff || (actor.Role == Role.Patient && actor.SpeaksFor(hold.PatientId))))
        {
            if (hold.AppointmentId is { } booked && await schedule.AppointmentAsync(booked, ct) is { } confirmed)
                return TypedResults.Ok(await DetailAsync(confirmed, schedule, holds, audit, clock, ct));
            var status = hold.Status switch { "pending" when hold.ExpiresAt > clock.Now => "pending", "released" => "cancelled", _ => "expired" };
            return TypedResults.Ok(new AppointmentDetailDto(hold.HoldId, status, hold.VisitTypeId, hold.PatientId, hold.Clinicians, clock.ToLocal(hold.StartUtc),
                clock.ToLocal(hold.EndUtc), hold.RoomId, hold.SlotIds, await HistoryAsync([Tag.Hold(hold.HoldId)], audit, clock, ct), clock.ToLocal(hold.ExpiresAt)));
        }
        return ApiProblems.NotFound("No such appointment.");
    }

    /// <summary>Staff: a patient's appointments (latest first, <c>limit</c> at most 100, <c>offset</c>), or the ones a slot has held.</summary>
    private static async Task<Results<Ok<IReadOnlyList<AppointmentDetailDto>>, ProblemHttpResult>> ListAppointmentsAsync(
        HttpContext http, IScheduleQueries schedule, IHoldQueries holds, IAuditQueries audit, PracticeClock clock, CancellationToken ct)
    {
        var query = http.Request.Query;
        var limit = 20;
        var offset = 0;
        if (query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, out limit) || limit is < 1 or > MaxListLimit))
            return ApiProblems.Validation($"'limit' is a whole number from 1 to {MaxListLimit}.");
        if (query.TryGetValue("offset", out var offsetText) && (!int.TryParse(offsetText, out offset) || offset < 0))
            return ApiProblems.Validation("'offset' is a whole number from 0.");
        IReadOnlyList<PatientAppointment> bookings;
        if (Guid.TryParse(query["patientId"], out var patientId))
            bookings = await schedule.AppointmentsOfPatientAsync(patientId, limit, offset, ct);
        else if (Guid.TryParse(query["slotId"], out var slotId))
            bookings = (await schedule.AppointmentsOfSlotAsync(slotId, ct)).Skip(offset).Take(limit).ToArray();
        else
            return ApiProblems.Validation("Give a patientId or a slotId.");
        return TypedResults.Ok(await DetailsAsync(bookings, schedule, holds, audit, clock, ct));
    }

    private static async Task<AppointmentDetailDto> DetailAsync(
        PatientAppointment booking, IScheduleQueries schedule, IHoldQueries holds, IAuditQueries audit, PracticeClock clock, CancellationToken ct) =>
        (await DetailsAsync([booking], schedule, holds, audit, clock, ct))[0];

    /// <summary>The appointments whole, in the order given: their holds, slots and histories read for all of them at once.</summary>
    private static async Task<IReadOnlyList<AppointmentDetailDto>> DetailsAsync(
        IReadOnlyList<PatientAppointment> bookings, IScheduleQueries schedule, IHoldQueries holds, IAuditQueries audit, PracticeClock clock, CancellationToken ct)
    {
        var ids = bookings.Select(b => b.AppointmentId).ToArray();
        var heldFirst = await holds.HoldsOfAppointmentsAsync(ids, ct);
        var slots = await schedule.SlotIdsOfAsync(ids, ct);
        // A booking confirmed from a hold has the hold's life before its own.
        var tags = bookings.ToDictionary(b => b.AppointmentId,
            b => heldFirst.TryGetValue(b.AppointmentId, out var hold) ? new[] { Tag.Hold(hold), Tag.Appointment(b.AppointmentId) } : [Tag.Appointment(b.AppointmentId)]);
        var history = await HistoriesAsync(tags.Values.SelectMany(t => t).ToArray(), audit, ct);
        return bookings.Select(booking =>
        {
            var status = booking.Cancelled is not null ? "cancelled"
                : booking.VisitOutcome == nameof(VisitOutcome.Arrived) ? "arrived"
                : booking.VisitOutcome == nameof(VisitOutcome.NoShow) ? "no-show"
                : "confirmed";
            return new AppointmentDetailDto(booking.AppointmentId, status, booking.VisitTypeId, booking.PatientId, booking.Team, clock.ToLocal(booking.StartUtc),
                clock.ToLocal(booking.EndUtc), booking.RoomId, slots.GetValueOrDefault(booking.AppointmentId) ?? [],
                HistoryOf(tags[booking.AppointmentId], history, clock), ConfirmedAppointmentId: booking.AppointmentId);
        }).ToArray();
    }

    /// <summary>The appointment's events, oldest first: when, what, and who (a user's id, or the practice's own "system:…").</summary>
    private static async Task<IReadOnlyList<AppointmentHistoryDto>> HistoryAsync(IReadOnlyList<Tag> tags, IAuditQueries audit, PracticeClock clock, CancellationToken ct) =>
        HistoryOf(tags, await HistoriesAsync(tags, audit, ct), clock);

    /// <summary>The events of any of these tags (the latest 1,000 of each at most), in one read.</summary>
    private static Task<IReadOnlyList<StoredEvent>> HistoriesAsync(IReadOnlyList<Tag> tags, IAuditQueries audit, CancellationToken ct) =>
        audit.ReadTaggedAnyAsync(tags, perTag: 1000, ct);

    private static IReadOnlyList<AppointmentHistoryDto> HistoryOf(IReadOnlyList<Tag> tags, IReadOnlyList<StoredEvent> events, PracticeClock clock) =>
        events.Where(e => e.Tags.Any(tags.Contains)).DistinctBy(e => e.Position).OrderBy(e => e.Position)
            .Select(e => new AppointmentHistoryDto(clock.ToLocal(e.RecordedAt), EventTypes.NameOf(e.Event), e.CausedBy))
            .ToArray();
}
