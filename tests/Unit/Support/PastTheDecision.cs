using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Tests.Unit.Support;

/// <summary>
/// A booking appended straight to the log, as a path that skips the booking decision would (an import, an older
/// version, a bug). The monthly-quota policy exists for such paths; these tests drive it with them.
/// </summary>
public static class PastTheDecision
{
    public static async Task<SlotsBooked> BookPastTheDecisionAsync(this TestApp app, Guid patientId, DayScheduled day, params int[] slotIndexes)
    {
        var booked = new SlotsBooked(Guid.CreateVersion7(), patientId, day.ClinicianId, day.Date, slotIndexes.Select(i => day.Slots[i]).ToArray(), patientId.ToString());
        await app.Get<IEventStore>().AppendAsync([booked], new EventMetadata(patientId.ToString(), app.Clock.GetUtcNow()), null);
        return booked;
    }
}
