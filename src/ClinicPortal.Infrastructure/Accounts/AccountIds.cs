namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>
/// Every account's id is a version 7 GUID (<see cref="Guid.CreateVersion7()"/>), whose first 48 bits are the Unix
/// milliseconds it was made at: when the account was made is read from it, and no column keeps it.
/// </summary>
public static class AccountIds
{
    /// <summary>When the account with this id was made; null for an id that is not version 7.</summary>
    public static DateTimeOffset? CreatedAt(Guid id)
    {
        if (id.Version != 7)
            return null;
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        var ms = ((long)bytes[0] << 40) | ((long)bytes[1] << 32) | ((long)bytes[2] << 24) | ((long)bytes[3] << 16) | ((long)bytes[4] << 8) | bytes[5];
        return DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }
}
