using System.Collections.Concurrent;
using ClinicPortal.Application;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Infrastructure.Data;
using static ClinicPortal.Infrastructure.ReadModels.Columns;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>Queries over the schedule read model. Nothing here decides; it shows what the log has made true.</summary>
public sealed partial class ScheduleReadModel : IScheduleQueries
{
    private readonly ClinicDatabase database;
    private readonly Privacy.PersonalKeys keys;
    private readonly ConcurrentDictionary<DateOnly, SharedRead> _dayReads = new();
    private long _appends; // appends committed in this process so far (the signal is raised after each commit): a read started after the n-th sees it

    /// <param name="keys">What opens the reasons the read model keeps sealed (<see cref="Privacy.PersonalKeys"/>).</param>
    public ScheduleReadModel(ClinicDatabase database, EventLogSignal signal, Privacy.PersonalKeys keys)
    {
        this.database = database;
        this.keys = keys;
        signal.Appended += _ =>
        {
            Interlocked.Increment(ref _appends);
            _dayReads.Clear();
        };
    }

    private sealed record SharedRead(long Appends, DateTimeOffset Now, Lazy<Task<IReadOnlyList<ClinicianSlots>>> Slots);

    /// <summary>
    /// The slots of a practice day still open to booking (not booked, not started), grouped by clinician, ordered by start.
    /// A booking reloads every open page of its day at once, so a day's read is kept and shared until the next append:
    /// a caller gets it only when it was read after every append the caller can know of, at or before the caller's
    /// now (then without what has started since). The lists are shared: never change them.
    /// </summary>
    public async Task<IReadOnlyList<ClinicianSlots>> AvailableSlotsAsync(DateOnly date, DateTimeOffset now, CancellationToken ct = default)
    {
        var appends = Interlocked.Read(ref _appends);
        if (!_dayReads.TryGetValue(date, out var read) || read.Appends != appends || read.Now > now)
        {
            var mine = new SharedRead(appends, now, new(() => ReadAvailableSlotsAsync(date, now)));
            // Offered to those who come next (whoever wins the race to offer theirs, each read is as fresh).
            read = (read is null ? _dayReads.TryAdd(date, mine) : _dayReads.TryUpdate(date, mine, read)) || !_dayReads.TryGetValue(date, out var other)
                || other.Appends != appends || other.Now > now ? mine : other;
        }
        IReadOnlyList<ClinicianSlots> slots;
        try
        {
            slots = await read.Slots.Value.WaitAsync(ct);
        }
        catch (Exception) when (read.Slots.Value.IsFaulted)
        {
            _dayReads.TryRemove(KeyValuePair.Create(date, read)); // a failed read is not kept: the next caller reads again
            throw;
        }
        if (slots.All(clinician => clinician.Slots[0].StartUtc > now))
            return slots; // the usual case: nothing has started between the shared read's now and this caller's
        return slots.Select(clinician => clinician with { Slots = clinician.Slots.Where(slot => slot.StartUtc > now).ToArray() })
            .Where(clinician => clinician.Slots.Count > 0).ToArray();
    }

    private Task<IReadOnlyList<ClinicianSlots>> ReadAvailableSlotsAsync(DateOnly date, DateTimeOffset now) =>
        ReadSlotsAsync(date, now, booked: false, CancellationToken.None); // shared: one caller's cancellation must not fail the others

    /// <summary>The day's booked slots not started yet, per clinician, with the booking each shows: what staff may book another patient into.</summary>
    public Task<IReadOnlyList<ClinicianSlots>> BookedSlotsAsync(DateOnly date, DateTimeOffset now, CancellationToken ct = default) =>
        ReadSlotsAsync(date, now, booked: true, ct);

    private async Task<IReadOnlyList<ClinicianSlots>> ReadSlotsAsync(DateOnly date, DateTimeOffset now, bool booked, CancellationToken ct)
    {
        var rows = await database.RowsAsync<SlotRow>(
            $"""
            SELECT doctor_id, slot_id, start_utc, staff_only, only_for, room_id, booking_id FROM rm_slots
            WHERE date = @date AND booking_id IS {(booked ? "NOT NULL" : "NULL")} AND start_utc > @now AND (hold_id IS NULL OR held_until <= @now)
            ORDER BY doctor_id, start_utc;
            """,
            ct, ("@date", Day(date)), ("@now", Ms(now)));
        return rows.GroupBy(row => row.ClinicianId)
            .Select(group => new ClinicianSlots(group.Key, group.Select(row => row.View).ToArray()))
            .ToArray();
    }

    /// <summary>The time of a room each live appointment of the day in one holds, from its start to its end.</summary>
    public async Task<IReadOnlyList<RoomTaken>> RoomsTakenAsync(DateOnly date, CancellationToken ct = default) =>
        (await database.RowsAsync<AppointmentRoom>(
            "SELECT booking_id, room_id, start_utc, end_utc FROM rm_bookings WHERE date = @date AND room_id IS NOT NULL AND cancelled IS NULL;",
            ct, ("@date", Day(date))))
        .Select(row => new RoomTaken(row.AppointmentId, new RoomSpan(row.RoomId, FromMs(row.StartUtc), FromMs(row.EndUtc)))).ToArray();

    /// <summary>The room these slots are in (the first one in a room), or null: none is, or none is known.</summary>
    public async Task<Guid?> RoomOfSlotsAsync(IReadOnlyList<Guid> slotIds, CancellationToken ct = default)
    {
        var ordered = slotIds.Distinct().ToArray();
        if (ordered.Length == 0)
            return null;
        var (list, parameters) = SqlList.In("@slot", ordered.Cast<object>());
        var rooms = (await database.RowsAsync<SlotRoom>($"SELECT slot_id, room_id FROM rm_slots WHERE slot_id IN ({list}) AND room_id IS NOT NULL;", ct, parameters!))
            .ToDictionary(r => r.SlotId, r => r.RoomId);
        return ordered.Select(slot => rooms.TryGetValue(slot, out var room) ? room : (Guid?)null).FirstOrDefault(room => room is not null);
    }

    /// <summary>The clinicians and practice dates of these slots, each pair once (none for an unknown slot).</summary>
    public async Task<IReadOnlyList<(Guid ClinicianId, DateOnly Date)>> DaysOfSlotsAsync(IReadOnlyList<Guid> slotIds, CancellationToken ct = default)
    {
        var ordered = slotIds.Distinct().ToArray();
        if (ordered.Length == 0)
            return [];
        var (list, parameters) = SqlList.In("@slot", ordered.Cast<object>());
        var days = (await database.RowsAsync<SlotDay>($"SELECT slot_id, doctor_id, date FROM rm_slots WHERE slot_id IN ({list});", ct, parameters!))
            .ToDictionary(r => r.SlotId, r => (r.ClinicianId, r.Day));
        // In the order of the slots asked for, as one read per slot gave them.
        return ordered.Where(days.ContainsKey).Select(slot => days[slot]).Distinct().ToArray();
    }

    /// <summary>A patient's live bookings that have not started yet, soonest first.</summary>
    public Task<IReadOnlyList<PatientAppointment>> FutureAppointmentsAsync(Guid patientId, DateTimeOffset now, CancellationToken ct = default) =>
        AppointmentsWhereAsync("patient_id = @patient AND cancelled IS NULL AND start_utc > @now ORDER BY start_utc", ct, ("@patient", patientId), ("@now", Ms(now)));

    /// <summary>Every booking of a patient, live or not, latest start first, a page at a time.</summary>
    public Task<IReadOnlyList<PatientAppointment>> AppointmentsOfPatientAsync(Guid patientId, int limit, int offset, CancellationToken ct = default) =>
        AppointmentsWhereAsync("patient_id = @patient ORDER BY start_utc DESC, booking_id LIMIT @limit OFFSET @offset",
            ct, ("@patient", patientId), ("@limit", limit), ("@offset", offset));

    /// <summary>Every booking that holds or held a slot, first booked first (the slot's history of bookings).</summary>
    public Task<IReadOnlyList<PatientAppointment>> AppointmentsOfSlotAsync(Guid slotId, CancellationToken ct = default) =>
        AppointmentsWhereAsync("booking_id IN (SELECT booking_id FROM rm_booking_slots WHERE slot_id = @slot) ORDER BY booked_at, booking_id", ct, ("@slot", slotId));

    /// <summary>A booking's slots as it holds them now (or held them last).</summary>
    public async Task<IReadOnlyList<Guid>> SlotIdsOfAsync(Guid bookingId, CancellationToken ct = default) =>
        await database.RowsAsync<Guid>("SELECT slot_id FROM rm_booking_slots WHERE booking_id = @booking ORDER BY ordinal;", ct, ("@booking", bookingId));

    /// <summary>These bookings' slots (<see cref="SlotIdsOfAsync(Guid, CancellationToken)"/>), in one statement.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> SlotIdsOfAsync(IReadOnlyCollection<Guid> bookingIds, CancellationToken ct = default)
    {
        if (bookingIds.Count == 0)
            return new Dictionary<Guid, IReadOnlyList<Guid>>();
        var (list, parameters) = SqlList.In("@booking", bookingIds.Distinct().Cast<object>());
        return (await database.RowsAsync<SlotAppointment>(
                $"SELECT booking_id, slot_id FROM rm_booking_slots WHERE booking_id IN ({list}) ORDER BY booking_id, ordinal;", ct, parameters!))
            .GroupBy(row => row.AppointmentId).ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)g.Select(row => row.SlotId).ToArray());
    }

    /// <summary>These bookings, by id (an unknown one is not there), in one statement.</summary>
    public async Task<IReadOnlyDictionary<Guid, PatientAppointment>> AppointmentsAsync(IEnumerable<Guid> bookingIds, CancellationToken ct = default)
    {
        var ids = bookingIds.Distinct().ToArray();
        if (ids.Length == 0)
            return new Dictionary<Guid, PatientAppointment>();
        var (list, parameters) = SqlList.In("@booking", ids.Cast<object>());
        return (await AppointmentsWhereAsync($"booking_id IN ({list})", ct, parameters!)).ToDictionary(b => b.AppointmentId);
    }

    /// <summary>Every appointment booked in a series, live or not, by start.</summary>
    public Task<IReadOnlyList<PatientAppointment>> SeriesAppointmentsAsync(Guid seriesId, CancellationToken ct = default) =>
        AppointmentsWhereAsync("series_id = @series ORDER BY start_utc, booking_id", ct, ("@series", seriesId));

    public async Task<PatientAppointment?> AppointmentAsync(Guid bookingId, CancellationToken ct = default) =>
        (await AppointmentsWhereAsync("booking_id = @booking", ct, ("@booking", bookingId))).SingleOrDefault();

    /// <summary>How many slots a patient holds in each practice month ("yyyy-MM") they hold any, in one statement.</summary>
    public async Task<IReadOnlyDictionary<string, int>> MonthlyUsagesAsync(Guid patientId, CancellationToken ct = default) =>
        (await database.RowsAsync<MonthUsage>("SELECT month, slots FROM rm_monthly_usage WHERE patient_id = @patient;", ct, ("@patient", patientId)))
            .ToDictionary(m => m.Month, m => m.Slots);

    /// <summary>How many slots a patient holds in a practice month ("yyyy-MM").</summary>
    public async Task<int> MonthlyUsageAsync(Guid patientId, string month, CancellationToken ct = default) =>
        (await database.RowsAsync<int>(
            "SELECT slots FROM rm_monthly_usage WHERE patient_id = @patient AND month = @month;", ct, ("@patient", patientId), ("@month", month)))
            .SingleOrDefault();

    /// <summary>Every live slot of a clinician's day with the booking holding it, and whether the day was cancelled.</summary>
    public async Task<ClinicianDayView> ClinicianDayAsync(Guid clinicianId, DateOnly date, CancellationToken ct = default) =>
        (await ClinicianDaysAsync([(clinicianId, date)], ct))[0];

    /// <summary>
    /// Clinicians' days (a practice's day of every clinician, a week of one, …), in the order asked, each as
    /// <see cref="ClinicianDayAsync"/> gives it: three statements however many days, slots and bookings there are.
    /// </summary>
    public async Task<IReadOnlyList<ClinicianDayView>> ClinicianDaysAsync(IReadOnlyList<(Guid ClinicianId, DateOnly Date)> wanted, CancellationToken ct = default)
    {
        if (wanted.Count == 0)
            return [];
        var (within, parameters) = DaysWithin(wanted, "");
        var status = (await database.RowsAsync<DayStatus>(
            $"SELECT doctor_id, date, cancelled, cancel_reason FROM rm_doctor_days WHERE {within};", ct, parameters))
            .ToDictionary(d => (d.ClinicianId, d.Day));
        var (slotsWithin, slotParameters) = DaysWithin(wanted, "s.");
        var slots = (await database.RowsAsync<DaySlotRow>(
            $"""
            SELECT s.doctor_id, s.date, s.slot_id, s.start_utc, s.booking_id, s.patient_id, b.visit_outcome, s.staff_only, s.only_for, s.room_id, s.held_until
            FROM rm_slots s LEFT JOIN rm_bookings b ON b.booking_id = s.booking_id
            WHERE {slotsWithin}
            ORDER BY s.start_utc;
            """,
            ct, slotParameters)).ToLookup(row => (row.ClinicianId, row.Day), row => row.View);
        var overbooked = (await database.RowsAsync<SlotAppointment>(
            $"""
            SELECT o.slot_id, o.booking_id FROM rm_slot_overbookings o JOIN rm_slots s ON s.slot_id = o.slot_id
            WHERE {slotsWithin} ORDER BY o.booking_id;
            """,
            ct, slotParameters))
            .ToLookup(o => o.SlotId, o => o.AppointmentId);
        return wanted.Select(day =>
        {
            var found = status.GetValueOrDefault(day);
            var daySlots = slots[day].Select(slot => overbooked.Contains(slot.SlotId) ? slot with { AlsoHeldBy = overbooked[slot.SlotId].ToArray() } : slot);
            return new ClinicianDayView(day.ClinicianId, day.Date, found?.Cancelled ?? false, found?.CancelReason, daySlots.ToArray());
        }).ToArray();
    }

    /// <summary>Every clinician's time in a room on a practice date (what the schedule page checks a block in a room against).</summary>
    public async Task<IReadOnlyList<RoomTime>> RoomTimeAsync(DateOnly date, CancellationToken ct = default) =>
        (await database.RowsAsync<RoomTimeRow>(
            "SELECT room_id, doctor_id, start_utc FROM rm_slots WHERE date = @date AND room_id IS NOT NULL ORDER BY start_utc;", ct, ("@date", Day(date))))
        .Select(row => new RoomTime(row.RoomId, row.ClinicianId, FromMs(row.StartUtc))).ToArray();

    /// <summary>
    /// Every booking of a clinician's day, live or cancelled, by start: the calendar's blocks and the list of whom to phone.
    /// A visit with other clinicians is there for the clinician's own part: its start and end are the part's.
    /// </summary>
    public async Task<IReadOnlyList<DayAppointment>> DayAppointmentsAsync(Guid clinicianId, DateOnly date, CancellationToken ct = default) =>
        (await DayAppointmentsAsync([(clinicianId, date)], ct))[0];

    /// <summary>The bookings of clinicians' days (<see cref="DayBookingsAsync(Guid, DateOnly, CancellationToken)"/>), in the order asked, in one statement.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<DayAppointment>>> DayAppointmentsAsync(IReadOnlyList<(Guid ClinicianId, DateOnly Date)> wanted, CancellationToken ct = default)
    {
        if (wanted.Count == 0)
            return [];
        var (within, parameters) = DaysWithin(wanted, "p.");
        var bookings = (await database.RowsAsync<DayAppointmentRow>(
            $"""
            SELECT p.date, b.booking_id, b.patient_id, p.doctor_id, p.start_utc, p.end_utc, b.slot_count, b.booked_by, b.booked_at, b.cancelled, b.visit_outcome,
                b.visit_type_id, b.reason, b.room_id, b.series_id
            FROM rm_booking_parts p JOIN rm_bookings b ON b.booking_id = p.booking_id
            WHERE {within} ORDER BY p.start_utc;
            """,
            ct, parameters));
        var opened = new List<(DayAppointmentRow Row, DayAppointment View)>(bookings.Count);
        foreach (var row in bookings)
            opened.Add((row, row.View is { Reason: not null } view ? view with { Reason = await keys.OpenAsync(view.Reason, ct) } : row.View));
        var byDay = opened.ToLookup(o => (o.Row.ClinicianId, o.Row.Day), o => o.View);
        return wanted.Select(day => (IReadOnlyList<DayAppointment>)byDay[day].ToArray()).ToArray();
    }

    /// <summary>
    /// A condition matching the rows of these clinicians on these dates (<paramref name="alias"/>: the table's, with its
    /// dot): every pair of them, which the caller narrows to the pairs it asked for.
    /// </summary>
    private static (string Sql, (string Name, object? Value)[] Parameters) DaysWithin(IReadOnlyList<(Guid ClinicianId, DateOnly Date)> wanted, string alias)
    {
        var clinicians = wanted.Select(w => w.ClinicianId).Distinct().ToArray();
        var dates = wanted.Select(w => w.Date).Distinct().ToArray();
        var (clinicianList, clinicianParameters) = SqlList.In("@doctor", clinicians.Cast<object>());
        var (dateList, dateParameters) = SqlList.In("@date", dates.Select(Day));
        return ($"{alias}doctor_id IN ({clinicianList}) AND {alias}date IN ({dateList})", [.. clinicianParameters, .. dateParameters]);
    }

    /// <summary>
    /// A booking's clinicians, each with their part (<see cref="BookingPart.Kind"/> null for a visit of one clinician, whose
    /// one part is the whole visit), by start.
    /// </summary>
    public async Task<IReadOnlyList<AppointmentPart>> PartsAsync(Guid bookingId, CancellationToken ct = default) =>
        (await database.RowsAsync<PartRow>(
            "SELECT doctor_id, kind, start_utc, end_utc FROM rm_booking_parts WHERE booking_id = @booking ORDER BY start_utc, end_utc;", ct, ("@booking", bookingId)))
        .Select(row => row.View).ToArray();

    /// <summary>The bookings a condition (and its order and limit) finds, as their patients see them.</summary>
    private async Task<IReadOnlyList<PatientAppointment>> AppointmentsWhereAsync(string condition, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        var rows = await database.RowsAsync<AppointmentRow>(
            "SELECT booking_id, patient_id, doctor_id, date, start_utc, end_utc, slot_count, cancelled, visit_outcome, visit_type_id, reason, room_id, clinician_ids, series_id " +
            $"FROM rm_bookings WHERE {condition};", ct, parameters);
        var appointments = new PatientAppointment[rows.Count];
        for (var i = 0; i < rows.Count; i++)
            appointments[i] = rows[i].View is { Reason: not null } view ? view with { Reason = await keys.OpenAsync(view.Reason, ct) } : rows[i].View;
        return appointments;
    }
}
