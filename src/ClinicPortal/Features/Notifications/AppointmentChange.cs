namespace ClinicPortal.Features.Notifications;

/// <summary>
/// What changed of an appointment whose clinicians changed (reassigned, a part added or dropped): who joined and who left
/// it, its time before when that changed too (<paramref name="WasTimes"/>, null: the same), and its room when that changed
/// (<paramref name="RoomText"/>, e.g. "now in Room 2 (it was in Room 1)").
/// </summary>
public sealed record AppointmentChange(IReadOnlyList<string> Joined, IReadOnlyList<string> Left, string? WasTimes, string? RoomText)
{
    /// <summary>"now in Room 2 (it was in Room 1)", "now in Room 2", "no longer in Room 1", or null when the room stayed.</summary>
    public static string? RoomChange(string? was, string? now) =>
        was == now ? null
        : now is null ? string.Format(Resources.Emails.Room_Gone, was)
        : was is null ? string.Format(Resources.Emails.Room_Now, now)
        : string.Format(Resources.Emails.Room_NowWas, now, was);

    public static string Names(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names) : string.Format(Resources.Emails.And, string.Join(", ", names.Take(names.Count - 1)), names[^1]);
}
