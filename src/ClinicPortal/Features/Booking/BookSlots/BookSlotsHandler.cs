using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Features.Shared;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;

namespace ClinicPortal.Features.Booking.BookSlots;

public sealed class BookSlotsHandler(CommandExecutor executor, PracticeClock clock, PeopleDirectory people)
{
    public async Task<Checked<SlotsBooked>> HandleAsync(Guid patientId, IReadOnlyList<Guid> slotIds, Actor by, CancellationToken ct = default)
    {
        // Staff book for a patient on the phone; nobody else can hold a booking (a doctor, the owner, staff themselves).
        if (by.IsStaff && !await people.IsPatientAsync(patientId, ct))
            return Rejection.NotAPatient;
        var now = clock.Now;
        var command = new Domain.Booking.BookSlots(Guid.CreateVersion7(), patientId, slotIds, by, now);
        var decision = await executor.ExecuteAsync<BookSlotsDecider, Domain.Booking.BookSlots, BookingRequest>(command, Handling.By(by, now), ct);
        return decision.IsAccepted ? (SlotsBooked)decision.Value!.Single() : decision.Rejection!.Value;
    }
}
