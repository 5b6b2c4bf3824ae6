namespace ClinicPortal.Domain.Policies;

/// <summary>
/// Bring one patient back within the monthly limit (rule 7), as the quota policy asks after a booking: in the month of
/// <paramref name="InMonthOf"/> (reading only that month's bookings), or in every month when it is null.
/// </summary>
public sealed record ApplyMonthlyQuota(Guid PatientId, Actor By, DateTimeOffset Now, DateOnly? InMonthOf = null) : ICommand<ApplyMonthlyQuota, MonthlyQuotaDecider, PatientAppointments, AppointmentCancelled>
{
    public static ApplyMonthlyQuota For(Guid patientId, DateTimeOffset now, DateOnly? inMonthOf = null) =>
        new(patientId, Actor.QuotaPolicy, now, inMonthOf);
}
