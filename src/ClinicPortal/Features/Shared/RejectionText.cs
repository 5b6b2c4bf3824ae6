using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.Policies;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Features.Shared;

/// <summary>What each rejection of the practice's rules says to a person.</summary>
public static class RejectionText
{
    public static string For(Rejection rejection) => rejection switch
    {
        Rejection.NotOnSlotBoundary => "Times must fall on a 10-minute mark, such as 09:00 or 09:10.",
        Rejection.BlockEndsBeforeItStarts => "The end time must be after the start time.",
        Rejection.TooManySlotsInDay => $"A clinician can offer at most {SlotBlock.MaxSlotsPerDay} slots (6 hours) in one day.",
        Rejection.NoBlocks => "Add at least one block of time.",
        Rejection.BlocksOverlap => "Two of the blocks overlap; make each block start after the previous one ends.",
        Rejection.OverlapsExistingSlots => "That time overlaps slots already scheduled on this day.",
        Rejection.TimeDoesNotExist => "That time does not exist on this day: the clocks change then.",
        Rejection.SlotInPast => "That time has already passed.",
        Rejection.DayAlreadyCancelled => "This day has been cancelled.",
        Rejection.DayNotScheduled => "There are no slots on this day.",
        Rejection.DayInPast => "Every slot of this day has already started.",
        Rejection.ReasonRequired => "Please give a reason.",
        Rejection.NotYourDay => "You can only change your own days.",
        Rejection.SlotNotFound => "That slot is no longer offered.",
        Rejection.SlotAlreadyBooked => "Sorry, that slot has just been booked by someone else.",
        Rejection.BookingTooSoon => "That time is too soon to book online. Please choose a later time, or call the practice.",
        Rejection.BookingTooFarAhead => "That time is too far ahead to book online yet. Please choose an earlier day, or call the practice.",
        Rejection.TooLateToChangeOnline => "It is too close to the appointment to change it online. Please call the practice.",
        Rejection.SlotHeld => "Someone else is confirming that time just now. Please choose another, or look again in a few minutes.",
        Rejection.HoldExpired => "The time kept for you ran out, so it was offered to others again. Please choose a time again.",
        Rejection.HoldNotFound => "That time is not being kept for you.",
        Rejection.HoldNotPending => "That time is no longer being kept: it was booked or let go already.",
        Rejection.TooManyHolds => "You are already confirming another time. Confirm it or let it go first.",
        Rejection.HoldOverlapsOwnHold => "You are already confirming a time that overlaps this one. Confirm it or let it go first.",
        Rejection.HoldCoolingDown =>
            "You let a time with this clinician go a few minutes ago. So that times stay fair for everyone, you can choose their times again a little later; a time with someone else you can choose now.",
        Rejection.TooManyHoldsThatDay =>
            "You have chosen and let go of several times on this day already. Please book one of the times you choose next, pick another day, or call the practice.",
        Rejection.WaitDatesInvalid => "Choose days from today onwards, the last on or after the first, within the days you may book ahead.",
        Rejection.AlreadyWaiting => "You are already on the waiting list for this on some of these days.",
        Rejection.TooManyWaits => $"You can wait for at most {WaitlistRules.MaxOpenPerPatient} times at once. Leave one on My appointments first.",
        Rejection.WaitNotFound => "That wait is not on the waiting list.",
        Rejection.WaitNotWaiting => "That wait has been offered a time, or has ended, already.",
        Rejection.NoSlotsChosen => "Choose a slot first.",
        Rejection.TooManySlotsInOneAppointment => $"One appointment can take at most {BookSlotsDecider.MaxSlotsPerAppointment} slots.",
        Rejection.SlotsNotAdjacent => "A visit's slots must follow each other on the same day.",
        Rejection.SlotsOfDifferentClinicians => "A visit's slots must all be with one clinician.",
        Rejection.PatientAlreadyBookedAtThatTime => "You already have an appointment at that time.",
        Rejection.MonthlyLimitReached => $"That would go over {MonthlyQuota.MaxSlotsPerMonth} slots in one calendar month, the most a patient may hold.",
        Rejection.AppointmentNotFound => "That appointment was not found.",
        Rejection.NotYourAppointment => "That appointment was not found.",
        Rejection.PatientHasAppointmentsToCome => "The patient still has appointments to come: cancel them first (the patient is emailed), then erase.",
        Rejection.AppointmentAlreadyCancelled => "That appointment has already been cancelled.",
        Rejection.AppointmentInPast => "That appointment has already started, so it can no longer be cancelled here.",
        Rejection.VisitNotStarted => "A visit can be marked once its time has come.",
        Rejection.NotAllowed => "You are not allowed to do that.",
        Rejection.ClinicianNotTakingBookings => "That clinician is no longer taking bookings. Please choose another time or clinician.",
        Rejection.NotAPatient => "Bookings can only be made for the practice's patients.",
        Rejection.PatientDeactivated => "This patient's account is deactivated. Reactivate it on the Patients page to book for them.",
        Rejection.ClinicianDoesNotGiveVisitType => "That clinician does not offer this kind of visit. Please choose another time or clinician.",
        Rejection.VisitTypeNotBookableOnline => "This kind of visit is booked by the practice. Please phone reception to book it.",
        Rejection.SlotsNotFreeForVisitType => "That time is not free for this kind of visit. Please choose another time.",
        Rejection.VisitTypeNotFound => "That kind of visit is not offered.",
        Rejection.VisitTypeNameRequired => $"Give the visit type a name of at most {VisitType.MaxNameLength} characters.",
        Rejection.VisitTypeNameTaken => "Another visit type already has this name.",
        Rejection.VisitTypeDescriptionTooLong => $"Keep what patients see to at most {VisitType.MaxDescriptionLength} characters.",
        Rejection.VisitTypeLengthInvalid => $"A visit lasts {VisitType.MinMinutes} to {VisitType.MaxMinutes} minutes, in steps of 10.",
        Rejection.VisitTypeNeedsClinicians => "Choose who gives this visit: a kind of clinician, or named clinicians.",
        Rejection.VisitTypeColourInvalid => "Choose a colour such as #3f51b5.",
        Rejection.PartsInvalid =>
            $"Each part needs a clinician of its own kind (at most {VisitType.MaxParts}), times on the 10-minute grid, no gap between parts and at most {VisitType.MaxMinutes} minutes in all.",
        Rejection.PartNotFound => "The appointment has no part with that kind of clinician.",
        Rejection.LastPart => "That is the appointment's only part. Cancel the appointment instead.",
        Rejection.VisitTypePartsInvalid =>
            $"Give 2 to {VisitType.MaxParts} parts, each with another kind of clinician: the first starts at 0, each at least 10 minutes, in steps of 10, with no gap between them.",
        Rejection.ReasonTooLong => $"Keep the reason for the visit to at most {VisitType.MaxReasonLength} characters.",
        Rejection.RoomNotFound => "That room was not found.",
        Rejection.RoomNameRequired => $"Give the room a name of at most {Room.MaxNameLength} characters.",
        Rejection.RoomNameTaken => "Another room already has this name.",
        Rejection.RoomFeaturesInvalid => $"A room has at most {Room.MaxFeatures} features of at most {Room.MaxFeatureLength} characters each.",
        Rejection.RoomAlreadyBooked => "Another appointment is in that room for some of that time. Please choose another time.",
        Rejection.RoomInUse => "Another clinician's time is in that room then. Choose another room or time.",
        Rejection.RoomOutOfUse => "That room is out of use. Choose another room.",
        Rejection.RoomLacksFeature => "This kind of visit needs a room with the right equipment, and that time is not in one. Please choose another time.",
        Rejection.AppointmentAlreadyAtThatTime => "The appointment is already at that time; choose another.",
        Rejection.AlreadyInThatRoom => "The appointment is already in that room; choose another.",
        Rejection.OverrideReasonRequired => "Say why it should be booked over the clash: the reason is kept with the conflict.",
        Rejection.ClinicianNotFree => "That clinician has no free time matching the appointment's any more. Choose another, or move it.",
        Rejection.Conflict => "Many changes arrived at once and yours could not be saved. Please try again.",
        Rejection.SeriesNotBookableOnline => "The practice books a series of this kind of visit. Please phone reception to book one.",
        Rejection.SeriesChanged => "Something changed since the plan was shown, so nothing was booked. Look at the plan again.",
        _ => "That request breaks one of the practice's rules.",
    };

    public static string QuotaRule => $"A patient may hold at most {MonthlyQuota.MaxSlotsPerMonth} slots in one calendar month.";
}
