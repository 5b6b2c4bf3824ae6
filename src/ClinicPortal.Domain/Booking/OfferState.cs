using System.Collections.Immutable;

namespace ClinicPortal.Domain.Booking;

/// <summary>What an offer reads: the hold's facts, and the patient's waits.</summary>
public sealed record OfferState(AppointmentToBook Appointment, ImmutableDictionary<Guid, WaitState> Waits);
