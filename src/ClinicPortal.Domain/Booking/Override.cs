namespace ClinicPortal.Domain.Booking;

/// <summary>Staff's reason for booking over a clash: said, short enough, and never a patient's to give.</summary>
public static class Override
{
    public const int MaxReasonLength = 300;

    /// <summary>The reason trimmed (null: no override asked), or why it cannot be used.</summary>
    public static Checked<string?> Check(string? reason, Actor by)
    {
        if (reason is null)
            return Checked<string?>.Accepted(null);
        if (!by.IsStaff)
            return Rejection.NotAllowed;
        if (string.IsNullOrWhiteSpace(reason))
            return Rejection.OverrideReasonRequired;
        if (reason.Trim().Length > MaxReasonLength)
            return Rejection.ReasonTooLong;
        return Checked<string?>.Accepted(reason.Trim());
    }
}
