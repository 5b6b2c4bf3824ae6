using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Shared.TimeGrid;

/// <summary>
/// Reads clinicians' days for the calendars: the slots, the bookings, and the people named, in a few statements however many
/// days, clinicians and bookings are shown.
/// </summary>
public sealed class StaffDayReader(
    IScheduleQueries schedule, PeopleDirectory people, IVisitTypeQueries visitTypes, IRoomQueries rooms, IPastQueries asOf)
{
    public async Task<StaffDays> ReadAsync(IEnumerable<(Person Clinician, DateOnly Date)> wanted, CancellationToken ct = default)
    {
        var asked = wanted.ToArray();
        var keys = asked.Select(w => (w.Clinician.Id, w.Date)).ToArray();
        var slots = await schedule.ClinicianDaysAsync(keys, ct);
        var bookings = await schedule.DayAppointmentsAsync(keys, ct);
        return await NamedAsync(asked.Select((w, i) => new StaffDay(w.Clinician, slots[i], bookings[i])).ToArray(), ct);
    }

    /// <summary>
    /// The clinicians' day as it stood when the log ended at <paramref name="position"/> (<see cref="IPastQueries"/>); the
    /// people, visit types and rooms are named as they are now.
    /// </summary>
    public Task<StaffDays> ReadAsOfAsync(IReadOnlyList<Person> clinicians, DateOnly date, long position, CancellationToken ct = default) =>
        ReadAsOfAsync(clinicians.Select(d => (d, date)).ToArray(), position, ct);

    /// <summary>Clinicians' days (any dates, such as a week of one) as they stood when the log ended at <paramref name="position"/>.</summary>
    public async Task<StaffDays> ReadAsOfAsync(IReadOnlyList<(Person Clinician, DateOnly Date)> wanted, long position, CancellationToken ct = default)
    {
        var past = await asOf.DaysAsync(wanted.Select(w => (w.Clinician.Id, w.Date)).ToArray(), position, ct);
        return await NamedAsync(wanted.Zip(past, (w, day) => new StaffDay(w.Clinician, day.Day, day.Appointments)).ToArray(), ct);
    }

    private async Task<StaffDays> NamedAsync(IReadOnlyList<StaffDay> days, CancellationToken ct)
    {
        var named = days.SelectMany(d => d.Appointments)
            .SelectMany(b => new[] { b.PatientId, Guid.TryParse(b.BookedBy, out var by) ? by : Guid.Empty })
            .Where(id => id != Guid.Empty);
        return new StaffDays(days, await people.FindManyAsync(named, ct), (await visitTypes.AllAsync(ct)).ToDictionary(t => t.Id),
            await rooms.ByIdAsync(ct));
    }
}
