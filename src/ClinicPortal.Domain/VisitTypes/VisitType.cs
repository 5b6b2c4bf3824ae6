using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Domain.VisitTypes;

/// <summary>
/// What a visit is for (the owner's "services"): its length in 10-minute slots, who gives it, whether patients may
/// book it online, and how the calendars colour it. Changing one never changes a booking already made: a booking
/// records the visit type and its own slots. A visit of several clinicians has <see cref="Parts"/> (one per kind, the
/// first starting with the visit); its <see cref="Minutes"/> are then from the first part's start to the last one's end,
/// and it is given by the kinds of its parts.
/// </summary>
public sealed record VisitType(
    Guid Id, string Name, string Description, int Minutes,
    IReadOnlyList<ClinicianKind> GivenByKinds, IReadOnlyList<Guid> GivenByClinicians, bool BookableOnline, string Colour,
    string? RoomFeature = null, IReadOnlyList<VisitPart>? Parts = null, bool PatientsBookSeries = false)
{
    public const int MaxParts = 3;
    public const int MinMinutes = 10;
    public const int MaxMinutes = 120;
    public const int MaxNameLength = 60;
    public const int MaxDescriptionLength = 300;
    public const int MaxReasonLength = 300;

    public static readonly Guid ConsultationId = Guid.Parse("0000c0de-0000-4000-8000-000000000010");
    public static readonly Guid LongConsultationId = Guid.Parse("0000c0de-0000-4000-8000-000000000020");

    /// <summary>Every practice has it from the start: one slot with any doctor, bookable online (today's single slot).</summary>
    public static VisitType Consultation { get; } =
        new(ConsultationId, "Consultation", "A visit with a doctor.", 10, [ClinicianKind.Doctor], [], true, "#3f51b5");

    /// <summary>Every practice has it from the start: two adjacent slots of one doctor (today's double slot).</summary>
    public static VisitType LongConsultation { get; } =
        new(LongConsultationId, "Long consultation", "A longer visit with a doctor, for more than one concern.", 20, [ClinicianKind.Doctor], [], true, "#00897b");

    public static IReadOnlyList<VisitType> BuiltIn { get; } = [Consultation, LongConsultation];

    /// <summary>What a booking made before visit types existed was: one slot a Consultation, two a Long consultation.</summary>
    public static Guid ForSlotCount(int slots) => slots >= 2 ? LongConsultationId : ConsultationId;

    public int Slots => Minutes / (int)SlotBlock.SlotLength.TotalMinutes;

    /// <summary>Whether it takes clinicians of several kinds, each for their own part.</summary>
    public bool HasParts => Parts is { Count: > 0 };

    /// <summary>How many clinicians' slots a booking of it takes: its length, or every part's slots together.</summary>
    public int ClinicianSlots => Parts?.Sum(p => p.Slots) ?? Slots;

    /// <summary>
    /// A clinician gives it when named, or when of a kind that gives it. A clinician of no known kind (a day in the log
    /// with no account behind it) counts as a doctor, which every clinician was before there were other kinds.
    /// </summary>
    public bool IsGivenBy(Guid clinicianId, ClinicianKind? kind) =>
        GivenByClinicians.Contains(clinicianId) || GivenByKinds.Contains(kind ?? ClinicianKind.Doctor);

    /// <summary>
    /// Whether a slot's terms let it be part of a visit of <paramref name="visitType"/>: time kept for staff is booked by
    /// staff only (<paramref name="byPatient"/>: online), time kept for some visit types by those only.
    /// </summary>
    public static bool SlotOpenTo(Guid visitType, bool byPatient, bool staffOnly, IReadOnlyList<Guid>? onlyFor) =>
        (!staffOnly || !byPatient) && (onlyFor is null || onlyFor.Contains(visitType));

    /// <summary>
    /// Whether a visit may take place in <paramref name="room"/> (null: time in no named room): any room, or none, unless
    /// the visit needs a feature; then only a room in use that has it.
    /// </summary>
    public bool FitsIn(Room? room) => RoomFeature is null || room?.Has(RoomFeature) == true;

    public static VisitType From(VisitTypeDefined e) =>
        new(e.VisitTypeId, e.Name, e.Description, e.Minutes, e.GivenByKinds, e.GivenByClinicians, e.BookableOnline, e.Colour, e.RoomFeature,
            e.Parts is { Count: > 0 } ? e.Parts : null, e.PatientsBookSeries);
}
