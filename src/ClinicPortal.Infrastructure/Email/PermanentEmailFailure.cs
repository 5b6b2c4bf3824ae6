namespace ClinicPortal.Infrastructure.Email;

/// <summary>A message that will never be delivered as it stands (a 5xx reply, a refused recipient, an address that does not parse).</summary>
public sealed class PermanentEmailFailure(string message, Exception inner) : Exception(message, inner);
