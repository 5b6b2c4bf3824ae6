using System.Text.Json.Serialization;

namespace ClinicPortal.Features.Booking.BookSeries;

/// <summary>
/// <c>POST /api/appointments/series</c>: <paramref name="FirstStart"/> in the practice's local time (ISO 8601; an offset, if
/// given, is converted to it), <paramref name="Choices"/> the alternative chosen for a refused date, by its start.
/// </summary>
public sealed record SeriesApiRequest(
    Guid? PatientId, [property: JsonPropertyName("serviceId")] Guid? VisitTypeId, Guid? ClinicianId, string? FirstStart, int? EveryWeeks,
    int? Occurrences, DateOnly? Until, bool? DryRun, IReadOnlyList<DateTimeOffset>? Choices = null);
