using ClinicPortal.Features.Booking.BookSlots;

namespace ClinicPortal.Features.Booking.BookSeries;

/// <summary>Another time that week for a refused date of a series, with whom: bookable with the rest of the plan.</summary>
public sealed record PlannedAlternative(Guid ClinicianId, string ClinicianName, SlotOffer Offer);
