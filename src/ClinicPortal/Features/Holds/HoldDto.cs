using ClinicPortal.Features.Api;
namespace ClinicPortal.Features.Holds;

/// <summary>A hold placed: until when the time is kept, and its slots.</summary>
public sealed record HoldDto(Guid HoldId, DateTimeOffset ExpiresAt, IReadOnlyList<SlotDto> Slots);
