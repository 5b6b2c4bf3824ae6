namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>
/// Someone with an account: their name and how to reach them. A dependant (a patient without a sign-in of their own, booked
/// for by the account holder) has no email; where a list says so, <see cref="Guardian"/> is the account holder.
/// </summary>
public sealed record Person(Guid Id, string Name, string Email, string? Phone, bool IsActive)
{
    /// <summary>For a dependant, the account holder who books for them and is written to (null: they are their own).</summary>
    public Person? Guardian { get; init; }

    /// <summary>How a list of patients tells them apart: their email, or whose dependant they are and how to call them.</summary>
    public string Contact => Guardian is { } guardian
        ? $"for {guardian.Name}{(guardian.Phone is { Length: > 0 } phone ? $", {phone}" : "")}"
        : Email;
}
