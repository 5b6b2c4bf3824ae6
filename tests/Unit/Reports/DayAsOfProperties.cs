using System.Text.Json;
using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Reports;

/// <summary>
/// The schedule as of a past position, against the live read model: for random logs (days scheduled, slots removed,
/// bookings made, moved across days and clinicians, cancelled, marked, days cancelled), the day folded as of each
/// event's position is exactly what the live read model showed right after that event: each day, a clinician's days
/// together, and each patient's bookings.
/// </summary>
public class DayAsOfProperties
{
    private static readonly Guid[] Clinicians = [A.ClinicianId, A.OtherClinicianId, A.Id("n0a5")];
    private static readonly DateOnly[] Dates = [new(2026, 3, 9), new(2026, 3, 10), new(2026, 3, 16)];
    private static readonly Guid[] Patients = [A.PatientId, A.OtherPatientId, A.Id("p3"), A.Id("p4")];

    [Theory, InlineData(1), InlineData(2), InlineData(3), InlineData(4)]
    public async Task TheDayAsOfEachEventsPosition_IsWhatTheLiveReadModelShowedRightAfterIt(int seed)
    {
        await using var app = await TestApp.StartAsync();
        var store = app.Get<IEventStore>();
        var live = app.Get<ScheduleReadModel>();
        var log = new RandomLog(new Random(seed));
        var seen = new List<(long Position, DateTimeOffset At, Dictionary<DateOnly, string> Days, Dictionary<Guid, string> Patients)>();

        for (var tries = 0; seen.Count < 40 && tries < 1000; tries++)
        {
            if (log.Next() is not { } next)
                continue;
            var at = A.Now.AddMinutes(seen.Count + 1);
            var position = await store.AppendAsync([next], new EventMetadata("test", at), null);
            var days = new Dictionary<DateOnly, string>();
            foreach (var date in Dates)
                days[date] = await LiveAsync(live, date);
            var patients = new Dictionary<Guid, string>();
            foreach (var patient in Patients)
                patients[patient] = JsonSerializer.Serialize(await live.AppointmentsOfPatientAsync(patient, 100, 0));
            seen.Add((position, at, days, patients));
        }

        Assert.Equal(40, seen.Count);
        var asOf = app.Get<DayAsOf>();
        foreach (var (position, at, days, patients) in seen)
        {
            foreach (var date in Dates)
                Assert.Equal(days[date], Json(await asOf.DayAsync(date, position, Clinicians)));
            foreach (var patient in Patients)
                Assert.Equal(patients[patient], JsonSerializer.Serialize(await asOf.PatientAppointmentsAsync(patient, position, 100)));
            // A clinician's days over the dates together (a week's columns) are each what the live one showed.
            var clinician = Clinicians[(int)(position % Clinicians.Length)];
            var together = await asOf.DaysAsync(Dates.Select(d => (clinician, d)).ToArray(), position);
            foreach (var (date, day) in Dates.Zip(together))
                Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize<ClinicianDayAsOf[]>(days[date])![Array.IndexOf(Clinicians, clinician)]), JsonSerializer.Serialize(day));
            Assert.Equal(position, await asOf.PositionAtAsync(at));
            Assert.Equal(position, await asOf.PositionAtAsync(at.AddSeconds(30)));
        }
        Assert.Equal(0, await asOf.PositionAtAsync(A.Now));
        Assert.All((await asOf.DayAsync(Dates[0], 0, Clinicians)).Clinicians, c => Assert.Equal((0, false, 0), (c.Day.Slots.Count, c.Day.Cancelled, c.Appointments.Count)));
    }

    private static async Task<string> LiveAsync(ScheduleReadModel live, DateOnly date)
    {
        var days = new List<ClinicianDayAsOf>();
        foreach (var clinician in Clinicians)
        {
            days.Add(new ClinicianDayAsOf(await live.ClinicianDayAsync(clinician, date), await live.DayAppointmentsAsync(clinician, date)));
        }
        return JsonSerializer.Serialize(days);
    }

    private static string Json(DayAsOfView view) => JsonSerializer.Serialize(view.Clinicians);

    /// <summary>Random valid events of three clinicians over three days, tracking what is free, booked and cancelled.</summary>
    private sealed class RandomLog(Random random)
    {
        private readonly Dictionary<(Guid Clinician, DateOnly Date), List<ScheduledSlot>> _free = new();
        private readonly HashSet<(Guid, DateOnly)> _cancelledDays = [];
        private readonly Dictionary<Guid, (Guid Patient, Guid Clinician, DateOnly Date, ScheduledSlot Slot, bool Marked)> _booked = new();

        public IClinicEvent? Next()
        {
            switch (random.Next(10))
            {
                case 0 or 1:
                {
                    var (clinician, date) = (Pick(Clinicians), Pick(Dates));
                    if (_free.ContainsKey((clinician, date)) || _cancelledDays.Contains((clinician, date)))
                        return null;
                    var slots = Enumerable.Range(0, 4).Select(n => new ScheduledSlot(Guid.NewGuid(), A.At(date, 9).AddMinutes(10 * n))).ToList();
                    _free[(clinician, date)] = slots;
                    return new DayScheduled(clinician, date, slots);
                }
                case 2 or 3 or 4:
                {
                    if (FreeSlot() is not var (clinician, date, slot))
                        return null;
                    _free[(clinician, date)].Remove(slot);
                    var booked = new SlotsBooked(Guid.NewGuid(), Pick(Patients), clinician, date, [slot], "someone");
                    _booked[booked.AppointmentId] = (booked.PatientId, clinician, date, slot, false);
                    return booked;
                }
                case 5:
                {
                    if (_booked.Count == 0)
                        return null;
                    var (id, b) = PickAppointment();
                    _booked.Remove(id);
                    _free[(b.Clinician, b.Date)].Add(b.Slot);
                    return new AppointmentCancelled(id, b.Patient, b.Clinician, b.Date, [b.Slot], Pick(Enum.GetValues<CancellationReason>()), "someone");
                }
                case 6:
                {
                    if (_booked.Count == 0 || FreeSlot() is not var (clinician, date, slot))
                        return null;
                    var (id, b) = PickAppointment();
                    if (b.Marked)
                        return null;
                    _free[(clinician, date)].Remove(slot);
                    _free[(b.Clinician, b.Date)].Add(b.Slot);
                    _booked[id] = (b.Patient, clinician, date, slot, false);
                    return new AppointmentMoved(id, b.Patient, Domain.VisitTypes.VisitType.ConsultationId, b.Clinician, b.Date, [b.Slot], clinician, date, [slot], "someone");
                }
                case 7:
                {
                    if (_booked.Count == 0)
                        return null;
                    var (id, b) = PickAppointment();
                    if (b.Marked)
                        return null;
                    _booked[id] = b with { Marked = true };
                    return new VisitMarked(id, b.Patient, b.Clinician, b.Date, random.Next(2) == 0 ? VisitOutcome.Arrived : VisitOutcome.NoShow, "reception");
                }
                case 8:
                {
                    if (FreeSlot() is not var (clinician, date, slot))
                        return null;
                    _free[(clinician, date)].Remove(slot);
                    return new SlotsRemoved(clinician, date, [slot.SlotId]);
                }
                default:
                {
                    if (_free.Count == 0)
                        return null;
                    var key = Pick(_free.Keys.ToArray());
                    var falling = _booked.Where(b => (b.Value.Clinician, b.Value.Date) == key).ToArray();
                    var slots = _free[key].Select(s => s.SlotId).Concat(falling.Select(b => b.Value.Slot.SlotId)).ToArray();
                    _free.Remove(key);
                    _cancelledDays.Add(key);
                    foreach (var (id, _) in falling)
                        _booked.Remove(id);
                    return new DayCancelled(key.Clinician, key.Date, "Unwell", slots,
                        falling.Select(b => new CancelledAppointment(b.Key, b.Value.Patient, [b.Value.Slot])).ToArray(), "reception");
                }
            }
        }

        private (Guid Clinician, DateOnly Date, ScheduledSlot Slot)? FreeSlot()
        {
            var open = _free.Where(f => f.Value.Count > 0).ToArray();
            if (open.Length == 0)
                return null;
            var (key, slots) = Pick(open);
            return (key.Clinician, key.Date, Pick(slots.ToArray()));
        }

        private (Guid Id, (Guid Patient, Guid Clinician, DateOnly Date, ScheduledSlot Slot, bool Marked) Appointment) PickAppointment()
        {
            var (id, booking) = Pick(_booked.ToArray());
            return (id, booking);
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
    }
}
