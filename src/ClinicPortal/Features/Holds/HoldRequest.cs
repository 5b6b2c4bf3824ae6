using System.Text.Json.Serialization;
namespace ClinicPortal.Features.Holds;

/// <summary>Hold a time: its <c>slotIds</c> (with the <c>serviceId</c>, or today's single or double slot), or a <c>serviceId</c> and a <c>start</c>.</summary>
public sealed record HoldRequest(IReadOnlyList<Guid>? SlotIds, [property: JsonPropertyName("serviceId")] Guid? VisitTypeId, DateTimeOffset? Start, Guid? PatientId);
