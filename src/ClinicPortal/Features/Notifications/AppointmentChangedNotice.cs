namespace ClinicPortal.Features.Notifications;

/// <summary>
/// An appointment whose clinicians changed: reassigned to another, a clinician's part added or dropped; in one sentence a
/// patient understands, naming what changed (who, and the time and room when they changed too).
/// </summary>
public sealed record AppointmentChangedNotice(
    string PracticeName, string PatientName, string ClinicianName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl,
    AppointmentChange Change)
    : Notice(PracticeName, PatientName, ClinicianName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"Changed: {ClinicianName}, {Date:ddd d MMM} at {Times[0].Start}";

    public override string Lead()
    {
        var (joined, left) = (AppointmentChange.Names(Change.Joined), AppointmentChange.Names(Change.Left));
        var who = Change.Joined.Count > 0 && Change.Left.Count > 0 ? $"now with {ClinicianName} instead of {left}"
            : Change.Joined.Count > 0 ? $"now with {ClinicianName}, as {joined} {(Change.Joined.Count == 1 ? "joins" : "join")} it"
            : $"now with {ClinicianName} only, as {left} {(Change.Left.Count == 1 ? "is" : "are")} no longer part of it";
        var what = new List<string> { who };
        if (Change.WasTimes is { } was)
            what.Add($"at {TimesText} (it was {was})");
        if (Change.RoomText is { } room)
            what.Add(room);
        var when = Change.WasTimes is null ? $"on {Day} at {TimesText} " : $"on {Day} ";
        return $"Your appointment {when}has changed: it is {string.Join("; ", what)}." + (Change.WasTimes is null ? " The time stays the same." : "");
    }

    public override bool KeepsTheVisit => true;
}
