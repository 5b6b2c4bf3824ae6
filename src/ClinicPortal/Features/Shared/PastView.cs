using System.Globalization;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Shared;

/// <summary>
/// A past view's moment: the log's position it shows the schedule at, and when the event there was recorded (null before
/// anything was). Pages take it from their address: <c>asOf</c>, a practice-time moment typed by a person, or <c>at</c>, a
/// position the audit trail links to.
/// </summary>
public sealed record PastView(long Position, DateTimeOffset? RecordedAt)
{
    public static async Task<PastView?> FromAddressAsync(IPastQueries asOf, PracticeClock clock, string? moment, long? at)
    {
        long? position = at is >= 0 ? at
            : Parse(moment, clock) is { } then && then <= clock.Now ? await asOf.PositionAtAsync(then)
            : null;
        return position is { } past ? new PastView(past, await asOf.RecordedAtAsync(past)) : null;
    }

    /// <summary>Why a typed moment cannot be shown, in a sentence, or null when it can (it has passed).</summary>
    public static string? Check(string? moment, PracticeClock clock) =>
        Parse(moment, clock) is not { } then ? "Give a day and a time, such as yesterday at 10:00."
        : then > clock.Now ? "Choose a moment that has passed: the future has no view yet."
        : null;

    /// <summary>A moment in practice time (yyyy-MM-ddTHH:mm[:ss], as a date-time field gives it).</summary>
    private static DateTimeOffset? Parse(string? moment, PracticeClock clock) =>
        DateTime.TryParseExact(moment, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? PracticeTime.ToUtc(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), clock.Zone)
            : null;
}
