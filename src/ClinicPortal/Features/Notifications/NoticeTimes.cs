namespace ClinicPortal.Features.Notifications;

/// <summary>An appointment as a notice shows it: times already in the practice's time, e.g. "09:10–09:20".</summary>
public sealed record NoticeTimes(string Start, string End)
{
    public override string ToString() => $"{Start}–{End}";
}
