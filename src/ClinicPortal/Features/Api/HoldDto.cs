namespace ClinicPortal.Features.Api;

/// <summary>A hold placed: until when the time is kept, and its slots.</summary>
public sealed record HoldDto(Guid HoldId, DateTimeOffset ExpiresAt, IReadOnlyList<SlotDto> Slots);
