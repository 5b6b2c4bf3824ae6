using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.Policies;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Features.Shared;

/// <summary>
/// What each rejection of the practice's rules says to a person, in their language: the sentence of the Rejections
/// resource set named as the rejection is, with the rule's own numbers put in.
/// </summary>
public static class RejectionText
{
    public static string For(Rejection rejection) =>
        Resources.Rejections.ResourceManager.GetString(rejection.ToString()) is { } sentence
            ? string.Format(sentence, Numbers(rejection))
            : Resources.Rejections.Other;

    public static string QuotaRule => string.Format(Resources.Rejections.QuotaRule, MonthlyQuota.MaxSlotsPerMonth);

    /// <summary>The numbers a rejection's sentence gives ({0}, {1}), from the rule itself.</summary>
    private static object[] Numbers(Rejection rejection) => rejection switch
    {
        Rejection.TooManySlotsInDay => [SlotBlock.MaxSlotsPerDay],
        Rejection.TooManyWaits => [WaitlistRules.MaxOpenPerPatient],
        Rejection.TooManySlotsInOneAppointment => [BookSlotsDecider.MaxSlotsPerAppointment],
        Rejection.MonthlyLimitReached => [MonthlyQuota.MaxSlotsPerMonth],
        Rejection.VisitTypeNameRequired => [VisitType.MaxNameLength],
        Rejection.VisitTypeDescriptionTooLong => [VisitType.MaxDescriptionLength],
        Rejection.VisitTypeLengthInvalid => [VisitType.MinMinutes, VisitType.MaxMinutes],
        Rejection.PartsInvalid => [VisitType.MaxParts, VisitType.MaxMinutes],
        Rejection.VisitTypePartsInvalid => [VisitType.MaxParts],
        Rejection.ReasonTooLong => [VisitType.MaxReasonLength],
        Rejection.RoomNameRequired => [Room.MaxNameLength],
        Rejection.RoomFeaturesInvalid => [Room.MaxFeatures, Room.MaxFeatureLength],
        _ => [],
    };
}
