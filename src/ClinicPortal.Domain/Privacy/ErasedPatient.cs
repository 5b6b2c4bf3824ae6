namespace ClinicPortal.Domain.Privacy;

/// <summary>What an erased patient is called from then on: "Erased patient" and the last four characters of their id.</summary>
public static class ErasedPatient
{
    public static string NameOf(Guid patientId) => $"Erased patient {patientId.ToString("N")[^4..]}";
}
