using ClinicPortal.Domain;

namespace ClinicPortal.Features.Shared;

/// <summary>What each rejection of the practice's rules says to a person.</summary>
public static class RejectionText
{
    public static string For(Rejection rejection) => rejection switch
    {
        Rejection.NotOnSlotBoundary => "Times must fall on a 10-minute mark, such as 09:00 or 09:10.",
        Rejection.BlockEndsBeforeItStarts => "The end time must be after the start time.",
        Rejection.TooManySlotsInDay => $"A doctor can offer at most {Domain.Scheduling.SlotBlock.MaxSlotsPerDay} slots (6 hours) in one day.",
        _ => "That request breaks one of the practice's rules.",
    };
}
