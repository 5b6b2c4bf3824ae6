using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ClinicPortal.Application.Ports;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;

namespace ClinicPortal.Infrastructure.Privacy;

/// <summary>
/// Each patient's key for the free text written about them (<see cref="PersonalText"/>): 256 random bits, made the first
/// time a text of theirs is logged, kept in <c>personal_keys</c> protected by the app's Data Protection keys (the ones
/// that already sign cookies and emailed links). A text is sealed with AES-GCM under it (a random 96-bit nonce, the
/// patient's id as associated data, so a text moved to another patient does not open) and written as
/// <c>sealed:v1:</c>, the patient's id (32 hex digits: whose key opens it, wherever the text is copied) and <c>:</c>, and
/// base64url of nonce, ciphertext and tag. Erasing a patient deletes their key: their texts then
/// read as <see cref="Erased"/> everywhere, in the log and in every read model, with no row rewritten.
/// </summary>
public sealed class PersonalKeys(ClinicDatabase database, IDataProtectionProvider protection) : IPersonalText
{
    public const string Prefix = "sealed:v1:";
    public const string Erased = "erased";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly IDataProtector protector = protection.CreateProtector("ClinicPortal.PersonalKeys.v1");

    /// <summary>
    /// Keys read or made in this process, by patient (null: the patient has none: erased), each kept a minute: another
    /// instance that erased a patient is followed within that minute.
    /// </summary>
    private readonly ConcurrentDictionary<Guid, (byte[]? Key, long ReadAt)> keys = new();

    private static readonly long KeptFor = (long)TimeSpan.FromMinutes(1).TotalMilliseconds;

    private bool TryKept(Guid owner, out byte[]? key)
    {
        key = null;
        if (!keys.TryGetValue(owner, out var kept) || Environment.TickCount64 - kept.ReadAt > KeptFor)
            return false;
        key = kept.Key;
        return true;
    }

    private void Keep(Guid owner, byte[]? key) => keys[owner] = (key, Environment.TickCount64);

    /// <summary>Whether a text is in the sealed form (text that is, is never sealed again).</summary>
    public static bool IsSealed(string text) => text.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>
    /// The events with every text about a patient sealed under that patient's key, each key made and committed first if
    /// it is new (so no event is ever logged under a key the database does not hold).
    /// </summary>
    public async Task<IReadOnlyList<IClinicEvent>> SealAsync(IReadOnlyList<IClinicEvent> events, CancellationToken ct = default)
    {
        if (!events.Any(e => PersonalText.OwnerOf(e) is not null))
            return events;
        var sealedEvents = new List<IClinicEvent>(events.Count);
        foreach (var @event in events)
        {
            if (PersonalText.OwnerOf(@event) is not { } owner)
            {
                sealedEvents.Add(@event);
                continue;
            }
            var key = await EnsureAsync(owner, ct);
            sealedEvents.Add(PersonalText.Map(@event, text => IsSealed(text) ? text : Seal(key, owner, text)));
        }
        return sealedEvents;
    }

    /// <summary>A text sealed under the patient's key (made now if they have none).</summary>
    public async Task<string> SealAsync(Guid owner, string text, CancellationToken ct = default) =>
        IsSealed(text) ? text : Seal(await EnsureAsync(owner, ct), owner, text);

    public async ValueTask<string?> OpenAsync(string? stored, CancellationToken ct = default) =>
        stored is null || OwnerOf(stored) is not { } owner ? stored : Open(await FindAsync(owner, ct), owner, stored);

    /// <summary>The event with its texts about the patient opened (as <see cref="OpenAsync(string?, CancellationToken)"/>).</summary>
    public async ValueTask<IClinicEvent> OpenAsync(IClinicEvent @event, CancellationToken ct = default)
    {
        if (PersonalText.OwnerOf(@event) is null)
            return @event;
        var opened = new Dictionary<string, string>();
        PersonalText.Map(@event, text => { opened[text] = text; return text; });
        foreach (var text in opened.Keys.ToArray())
            opened[text] = (await OpenAsync(text, ct))!;
        return PersonalText.Map(@event, text => opened[text]);
    }

    /// <summary>The patient whose key seals a text; null for a text not sealed (or only looking so).</summary>
    private static Guid? OwnerOf(string text) =>
        IsSealed(text) && text.Length > Prefix.Length + 33 && text[Prefix.Length + 32] == ':'
            && Guid.TryParseExact(text.AsSpan(Prefix.Length, 32), "N", out var owner) ? owner : null;

    /// <summary>Forgets a patient's key in this process (their key has been deleted).</summary>
    public void Forget(Guid patientId) => Keep(patientId, null);

    private static string Seal(byte[] key, Guid owner, string text)
    {
        var plain = Encoding.UTF8.GetBytes(text);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), owner.ToByteArray());
        return $"{Prefix}{owner:N}:{Base64Url.EncodeToString(sealedBytes)}";
    }

    /// <summary>The text a sealed one holds; <see cref="Erased"/> without the key; a text that only looks sealed, as it is.</summary>
    private static string Open(byte[]? key, Guid owner, string stored)
    {
        if (key is null)
            return Erased;
        try
        {
            var sealedBytes = Base64Url.DecodeFromChars(stored.AsSpan(Prefix.Length + 33));
            if (sealedBytes.Length < NonceBytes + TagBytes)
                return stored;
            var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), plain,
                owner.ToByteArray());
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            return stored; // typed to look sealed, not sealed here
        }
    }

    /// <summary>The patient's key, made (and committed) now if they have none.</summary>
    private async Task<byte[]> EnsureAsync(Guid owner, CancellationToken ct)
    {
        if (TryKept(owner, out var known) && known is not null)
            return known;
        var key = await ReadAsync(owner, ct);
        if (key is null)
        {
            // Two appends at once may both make one: the first written is the key, and both read it back.
            await database.ExecuteAsync("INSERT INTO personal_keys (patient_id, sealed_key) VALUES (@patient, @key) ON CONFLICT (patient_id) DO NOTHING;", ct,
                ("@patient", owner), ("@key", protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))));
            key = await ReadAsync(owner, ct) ?? throw new InvalidOperationException($"The key of patient {owner} could not be kept.");
        }
        Keep(owner, key);
        return key;
    }

    private async Task<byte[]?> FindAsync(Guid owner, CancellationToken ct)
    {
        if (TryKept(owner, out var known))
            return known;
        var key = await ReadAsync(owner, ct);
        Keep(owner, key);
        return key;
    }

    private async Task<byte[]?> ReadAsync(Guid owner, CancellationToken ct) =>
        (await database.RowsAsync<string>("SELECT sealed_key FROM personal_keys WHERE patient_id = @patient;", ct, ("@patient", owner))).SingleOrDefault() is { } text
            ? Convert.FromBase64String(protector.Unprotect(text))
            : null;
}
