using ClinicPortal.Application.Ports;
using ClinicPortal.Domain;

namespace ClinicPortal.Features.Admin.Erasure;

/// <summary>
/// The practice's retention: with the owner's setting on (Settings, "Keep patients"), the patients with no appointment
/// for that many months are listed, and the owner erases those they confirm in one go. Nothing is erased on its own.
/// </summary>
public sealed class RetentionHandler(ErasePatientHandler erase, IPatientErasure erasure, IPracticeRules rules, IPracticeClock clock, IAccounts people)
{
    /// <summary>Who is past keeping now (none while the setting is off).</summary>
    public async Task<RetentionList> ListAsync(CancellationToken ct = default)
    {
        if (rules.KeepPatientsMonths is not { } months)
            return new RetentionList(null, null, []);
        var keptSince = clock.Now.AddMonths(-months);
        return new RetentionList(months, keptSince, await erasure.PastKeepingAsync(keptSince, clock.Now, clock.Today, ct));
    }

    /// <summary>
    /// Erases the <paramref name="confirmed"/> patients who are still past keeping (one who booked since the list was shown
    /// is left, and said why), those booked for first so that their account holders can follow; the database is
    /// compacted once at the end. <paramref name="progress"/> hears how many have been dealt with.
    /// </summary>
    public async Task<RetentionOutcome> EraseAsync(IReadOnlyCollection<Guid> confirmed, Actor by, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (by.Role != Role.Admin)
            return new RetentionOutcome([], confirmed.Select(id => new RetentionRefusal(id, "", Shared.RejectionText.For(Rejection.NotAllowed))).ToArray());
        var past = (await ListAsync(ct)).Patients.ToDictionary(p => p.Id);
        var erased = new List<Guid>();
        var refused = new List<RetentionRefusal>();
        var done = 0;
        foreach (var id in confirmed.Distinct().OrderBy(id => past.GetValueOrDefault(id)?.GuardianId is null))
        {
            ct.ThrowIfCancellationRequested();
            if (!past.TryGetValue(id, out var patient))
                refused.Add(new RetentionRefusal(id, (await people.ContactAsync(id, ct))?.Name ?? "",
                    "They are no longer past keeping (an appointment since, or erased already)."));
            else if (await erase.EraseLeavingPagesAsync(id, by, ct) is { } why)
                refused.Add(new RetentionRefusal(id, patient.Name, why));
            else
                erased.Add(id);
            progress?.Report(++done);
        }
        if (erased.Count > 0)
            await erasure.CompactAsync(ct);
        return new RetentionOutcome(erased, refused);
    }
}

/// <summary>The setting (null: off), the moment before which a patient's last contact puts them past it, and who is.</summary>
public sealed record RetentionList(int? Months, DateTimeOffset? KeptSince, IReadOnlyList<PatientPastKeeping> Patients);

/// <summary>Who was erased, and who was not and why.</summary>
public sealed record RetentionOutcome(IReadOnlyList<Guid> Erased, IReadOnlyList<RetentionRefusal> Refused);

public sealed record RetentionRefusal(Guid PatientId, string Name, string Why);
