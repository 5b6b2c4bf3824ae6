namespace ClinicPortal.Features.Api;

public sealed record StartDto(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Guid> SlotIds);
