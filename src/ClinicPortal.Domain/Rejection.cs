namespace ClinicPortal.Domain;

/// <summary>
/// Why the practice's rules refused a request. A rejection is a value, not an exception,
/// so that a page or an API can turn it into words a person understands.
/// </summary>
public enum Rejection
{
    // Scheduling a day
    NotOnSlotBoundary,
    BlockEndsBeforeItStarts,
    TooManySlotsInDay,
    NoBlocks,
    BlocksOverlap,
    OverlapsExistingSlots,
    TimeDoesNotExist,
    SlotInPast,
    DayAlreadyCancelled,
    DayNotScheduled,
    DayInPast,
    ReasonRequired,
    NotYourDay,

    // Booking
    SlotNotFound,
    SlotAlreadyBooked,

    /// <summary>Patients book at least the practice's notice ahead (<see cref="Policies.BookingWindow.MinNoticeHours"/>).</summary>
    BookingTooSoon,

    /// <summary>Patients book at most the practice's days ahead (<see cref="Policies.BookingWindow.MaxDaysAhead"/>).</summary>
    BookingTooFarAhead,

    /// <summary>Patients cancel or move online only until the practice's cut-off before the start; then they phone.</summary>
    TooLateToChangeOnline,

    /// <summary>Another patient holds the slot for a few minutes while they confirm.</summary>
    SlotHeld,

    /// <summary>The hold's time ran out before it was confirmed: its slots were given back.</summary>
    HoldExpired,

    /// <summary>No such hold (or not this patient's).</summary>
    HoldNotFound,

    /// <summary>The hold was confirmed, released or expired already.</summary>
    HoldNotPending,

    /// <summary>A patient holds one time at once while they confirm.</summary>
    TooManyHolds,

    /// <summary>The patient already holds a time that overlaps this one.</summary>
    HoldOverlapsOwnHold,

    /// <summary>The patient let a hold of this clinician's time go (or run out) moments ago: none of it again for the cool-down.</summary>
    HoldCoolingDown,

    /// <summary>The patient let go of (or let run out) as many held times on that day as a patient may.</summary>
    TooManyHoldsThatDay,

    // The waiting list
    /// <summary>The days to wait for run backwards, start in the past, or reach past the days patients may book ahead.</summary>
    WaitDatesInvalid,

    /// <summary>The patient already waits for this visit type with this clinician on some of these days.</summary>
    AlreadyWaiting,

    /// <summary>A patient keeps at most this many waits at once.</summary>
    TooManyWaits,

    /// <summary>No such wait (or not this patient's).</summary>
    WaitNotFound,

    /// <summary>The wait was offered a time, or ended, already: it is offered nothing more.</summary>
    WaitNotWaiting,
    NoSlotsChosen,
    TooManySlotsInOneAppointment,
    SlotsNotAdjacent,
    SlotsOfDifferentClinicians,
    PatientAlreadyBookedAtThatTime,

    /// <summary>The booking would take the patient over the practice's 10 slots in that month (rule 7).</summary>
    MonthlyLimitReached,
    AppointmentNotFound,
    NotYourAppointment,
    AppointmentAlreadyCancelled,
    AppointmentInPast,
    VisitNotStarted,
    NotAllowed,

    /// <summary>Staff named someone who is not one of the practice's patients (a clinician, the owner, themselves).</summary>
    NotAPatient,

    /// <summary>The patient's account has been deactivated by staff: nobody books for it until it is reactivated.</summary>
    PatientDeactivated,

    /// <summary>The slot's clinician has been deactivated and takes no new bookings.</summary>
    ClinicianNotTakingBookings,

    // Visit types
    /// <summary>The clinician of the chosen slots does not give the chosen visit type.</summary>
    ClinicianDoesNotGiveVisitType,

    /// <summary>Patients may not book this visit type online; reception books it.</summary>
    VisitTypeNotBookableOnline,

    /// <summary>The chosen slots are not the visit type's run of free slots: too few or too many, or time kept for staff or for other visit types.</summary>
    SlotsNotFreeForVisitType,
    VisitTypeNotFound,
    VisitTypeNameRequired,
    VisitTypeNameTaken,
    VisitTypeDescriptionTooLong,
    VisitTypeLengthInvalid,
    VisitTypeNeedsClinicians,
    VisitTypeColourInvalid,

    /// <summary>A visit of several clinicians' parts: 2 to 3 parts, one per kind, the first at the start, no gap between them.</summary>
    VisitTypePartsInvalid,
    ReasonTooLong,

    // Rooms
    RoomNotFound,
    RoomNameRequired,
    RoomNameTaken,
    RoomFeaturesInvalid,

    /// <summary>Another clinician's block holds the room for some of that time (a room holds one clinician's block at a time).</summary>
    RoomInUse,

    /// <summary>Another appointment is in the visit's room for some of its time (a room holds one appointment at a time, for its whole span).</summary>
    RoomAlreadyBooked,

    /// <summary>The owner has taken the room out of use: it takes no new blocks of time.</summary>
    RoomOutOfUse,

    /// <summary>The visit needs a room with a feature (such as "treatment") and the chosen time is not in one.</summary>
    RoomLacksFeature,

    /// <summary>Staff asked to book over a clash without saying why.</summary>
    OverrideReasonRequired,

    /// <summary>An appointment's parts as staff changed them do not make a visit (see <c>VisitPart.Fit</c>).</summary>
    PartsInvalid,

    /// <summary>The appointment has no part of that kind.</summary>
    PartNotFound,

    /// <summary>An appointment's last part cannot be removed: cancel the appointment instead.</summary>
    LastPart,

    /// <summary>Reassigning: the clinician named has no free time matching the appointment's.</summary>
    ClinicianNotFree,

    /// <summary>A booking was asked to move to the time it already has.</summary>
    AppointmentAlreadyAtThatTime,

    /// <summary>An appointment's room was asked to change to the room it is already in.</summary>
    AlreadyInThatRoom,

    /// <summary>Others kept changing the same slots while this request was decided; trying again usually works.</summary>
    Conflict,

    /// <summary>Patients may not book a series of this visit type themselves; reception books it.</summary>
    SeriesNotBookableOnline,

    /// <summary>A series' plan no longer stands as shown: a date was taken or changed meanwhile; nothing was booked.</summary>
    SeriesChanged,

    /// <summary>A patient with appointments still to come is not erased: they are cancelled first, and the patient told.</summary>
    PatientHasAppointmentsToCome,
}
