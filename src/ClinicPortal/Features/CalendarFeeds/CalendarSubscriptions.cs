using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;

namespace ClinicPortal.Features.CalendarFeeds;

/// <summary>
/// Each clinician's and each patient's private calendar subscription: the appointments from <see cref="DaysBack"/> days
/// back to <see cref="DaysAhead"/> ahead, read from the read models at every request (so a move or a cancellation shows at
/// the next poll). A clinician's lists their own part of each visit with the visit type, the room and the patient's name;
/// a patient's lists their visits with the visit type, the clinicians and the room. Neither ever carries the reason.
/// </summary>
public sealed class CalendarSubscriptions(
    CalendarFeedSecrets secrets, PeopleDirectory people, IScheduleQueries schedule, IVisitTypeQueries visitTypes, IRoomQueries rooms,
    PracticeClock clock, PracticeSettings practice)
{
    public const int DaysBack = 7;
    public const int DaysAhead = 90;

    /// <summary>The path a secret's calendar is served at.</summary>
    public static string PathOf(string secret) => $"/calendar/{secret}.ics";

    /// <summary>
    /// The account's subscription address under the app's address (<paramref name="baseUri"/>), as calendars subscribe to
    /// it: <c>webcal://</c>, which they fetch over the app's own scheme. Null when there is no such account.
    /// </summary>
    public async Task<string?> AddressAsync(Guid accountId, string baseUri) =>
        await secrets.SecretOfAsync(accountId) is { } secret ? Address(baseUri, secret) : null;

    /// <summary>A new address for the account; the one before it answers nothing from now on.</summary>
    public async Task<string?> RenewAsync(Guid accountId, string baseUri) =>
        await secrets.RenewAsync(accountId) is { } secret ? Address(baseUri, secret) : null;

    private static string Address(string baseUri, string secret)
    {
        var root = new Uri(baseUri);
        return $"webcal://{root.Authority}{root.AbsolutePath.TrimEnd('/')}{PathOf(secret)}";
    }

    /// <summary>The calendar a secret opens, as it stands; null when the secret is no one's (renewed, made up, deactivated).</summary>
    public async Task<CalendarFeed?> ReadAsync(string secret, CancellationToken ct = default)
    {
        if (await secrets.OwnerOfAsync(secret) is not { } owner)
            return null;
        var today = clock.Today;
        var first = today.AddDays(-DaysBack);
        var last = today.AddDays(DaysAhead);
        var midnight = first.ToDateTime(TimeOnly.MinValue);
        var windowStart = new DateTimeOffset(midnight, clock.Zone.GetUtcOffset(midnight)).ToUniversalTime();
        var profile = practice.Current;
        if ((await people.KindsAsync(ct))(owner) is not null)
        {
            var clinician = await people.FindAsync(owner, ct);
            return CalendarFeedWriter.Write($"{clinician?.Name} · {profile.Name}", profile.TimeZone, windowStart,
                await ClinicianEntriesAsync(owner, first, last, ct));
        }
        if ((await people.StandingAsync(owner, ct)).IsPatient)
            return CalendarFeedWriter.Write($"My appointments · {profile.Name}", profile.TimeZone, windowStart,
                await PatientEntriesAsync(owner, windowStart, last, profile.Name, ct));
        return null;
    }

    private async Task<IReadOnlyList<FeedEntry>> ClinicianEntriesAsync(Guid clinicianId, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var days = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(i => (clinicianId, first.AddDays(i))).ToArray();
        var appointments = (await schedule.DayAppointmentsAsync(days, ct)).SelectMany(day => day).Where(a => a.Cancelled is null).ToArray();
        var names = await people.NamesAsync(appointments.Select(a => a.PatientId), ct);
        var kinds = await VisitTypeNamesAsync(ct);
        var room = await rooms.LookupAsync(ct);
        return appointments.Select(a => new FeedEntry(
            $"{a.AppointmentId:N}.{clinicianId:N}@clinicportal", a.StartUtc, a.EndUtc,
            $"{kinds(a.VisitTypeId)}: {names.GetValueOrDefault(a.PatientId, "a patient")}",
            a.RoomId is { } roomId ? room(roomId)?.Name : null)).ToArray();
    }

    private async Task<IReadOnlyList<FeedEntry>> PatientEntriesAsync(Guid patientId, DateTimeOffset from, DateOnly last, string practiceName, CancellationToken ct)
    {
        var appointments = (await schedule.FutureAppointmentsAsync(patientId, from.AddTicks(-1), ct)).Where(a => a.Date <= last).ToArray();
        var names = await people.NamesAsync(appointments.SelectMany(a => a.Team), ct);
        var kinds = await VisitTypeNamesAsync(ct);
        var room = await rooms.LookupAsync(ct);
        return appointments.Select(a => new FeedEntry(
            $"{a.AppointmentId:N}@clinicportal", a.StartUtc, a.EndUtc,
            $"{kinds(a.VisitTypeId)} with {string.Join(" and ", a.Team.Select(id => names.GetValueOrDefault(id, "a clinician")))}",
            a.RoomId is { } roomId && room(roomId) is { } r ? $"{practiceName}, {r.Name}" : practiceName)).ToArray();
    }

    private async Task<Func<Guid, string>> VisitTypeNamesAsync(CancellationToken ct)
    {
        var all = (await visitTypes.AllAsync(ct)).ToDictionary(v => v.Id, v => v.Name);
        return id => all.GetValueOrDefault(id, "Appointment");
    }
}
