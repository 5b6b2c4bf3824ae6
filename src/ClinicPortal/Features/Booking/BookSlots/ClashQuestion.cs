namespace ClinicPortal.Features.Booking.BookSlots;

/// <summary>
/// What staff are asked before they book (or move) an appointment over a clash: every clash the chosen time meets (the
/// patient's other appointment, the clinician's other patient, another appointment in the room), in one sentence, and
/// why they book over it. Patients are never offered such a time.
/// </summary>
public sealed record ClashQuestion(string Title, string Message, string Label, string Yes)
{
    /// <summary>The question for <paramref name="choice"/> at <paramref name="when"/>; null when the time meets no clash.</summary>
    public static ClashQuestion? For(SlotList.Choice choice, IReadOnlyList<BusyTime> patientBusy, string? patientName, bool moving, string when)
    {
        var patientClash = patientBusy.Any(b => choice.Offer.Overlaps(b.StartUtc, b.EndUtc));
        if (!patientClash && !choice.Offer.Clashes)
            return null;
        var (verb, noun) = moving ? ("Move", "move") : ("Book", "booking");
        string[] clashes =
        [
            .. patientClash ? [$"{patientName ?? "the patient"} already has an appointment overlapping {when}"] : Array.Empty<string>(),
            .. choice.Offer.ClinicianClash ? [$"{choice.Clinician.ClinicianName} already {(choice.Clinician.Clinicians.Count > 1 ? "have" : "has")} another patient for some of {when}"] : Array.Empty<string>(),
            .. choice.Offer.RoomClash ? [$"another appointment is in the room for some of {when}"] : Array.Empty<string>(),
        ];
        var clash = string.Join(", and ", clashes);
        return new($"{verb} over a clash", $"{char.ToUpperInvariant(clash[0])}{clash[1..]}. {verb} it anyway? It will be listed on the conflicts desk until resolved.",
            $"Why this {noun} over the clash?", $"{verb} anyway");
    }
}
