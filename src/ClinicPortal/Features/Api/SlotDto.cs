namespace ClinicPortal.Features.Api;

public sealed record SlotDto(Guid SlotId, DateTimeOffset Start, DateTimeOffset End);
