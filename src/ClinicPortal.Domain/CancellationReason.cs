namespace ClinicPortal.Domain;

public enum CancellationReason
{
    Patient,
    Staff,
    QuotaExceeded,
}
