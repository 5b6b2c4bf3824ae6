using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.Policies;
using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Features.Shared;

/// <summary>What each rejection of the practice's rules says to a person.</summary>
public static class RejectionText
{
    public static string For(Rejection rejection) => rejection switch
    {
        Rejection.NotOnSlotBoundary => "Times must fall on a 10-minute mark, such as 09:00 or 09:10.",
        Rejection.BlockEndsBeforeItStarts => "The end time must be after the start time.",
        Rejection.TooManySlotsInDay => $"A doctor can offer at most {SlotBlock.MaxSlotsPerDay} slots (6 hours) in one day.",
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
        Rejection.NoSlotsChosen => "Choose a slot first.",
        Rejection.TooManySlotsInOneBooking => $"One booking can take at most {BookSlotsDecider.MaxSlotsPerBooking} slots.",
        Rejection.SlotsNotAdjacent => "A double slot must be two slots in a row on the same day.",
        Rejection.SlotsOfDifferentDoctors => "A double slot must be with one doctor.",
        Rejection.PatientAlreadyBookedAtThatTime => "You already have a booking at that time.",
        Rejection.MonthlyLimitReached => $"That would go over {MonthlyQuota.MaxSlotsPerMonth} slots in one calendar month, the most a patient may hold.",
        Rejection.BookingNotFound => "That booking was not found.",
        Rejection.NotYourBooking => "That booking was not found.",
        Rejection.BookingAlreadyCancelled => "That booking has already been cancelled.",
        Rejection.BookingInPast => "That booking has already started, so it can no longer be cancelled here.",
        Rejection.VisitNotStarted => "A visit can be marked once its time has come.",
        Rejection.NotAllowed => "You are not allowed to do that.",
        Rejection.ClinicianNotTakingBookings => "That clinician is no longer taking bookings. Please choose another time or clinician.",
        Rejection.NotAPatient => "Bookings can only be made for the practice's patients.",
        Rejection.PatientDeactivated => "This patient's account is deactivated. Reactivate it on the Patients page to book for them.",
        Rejection.Conflict => "Many changes arrived at once and yours could not be saved. Please try again.",
        _ => "That request breaks one of the practice's rules.",
    };

    public static string QuotaRule => $"A patient may hold at most {MonthlyQuota.MaxSlotsPerMonth} slots in one calendar month.";
}
