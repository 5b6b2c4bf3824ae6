namespace ClinicPortal.Domain.Policies;

/// <summary>Rule 7's number: the most slots a patient may hold in one practice month.</summary>
public static class MonthlyQuota
{
    public const int MaxSlotsPerMonth = 10;

    /// <summary>Whether holding <paramref name="used"/> slots in a month, with <paramref name="adding"/> more, goes over the limit.</summary>
    public static bool WouldExceed(int used, int adding) => used + adding > MaxSlotsPerMonth;

    /// <summary>
    /// The slots a patient may still book in a month they hold <paramref name="used"/> in; a booking being moved within it
    /// (<paramref name="moving"/> slots of those) does not count against its own move.
    /// </summary>
    public static int SlotsLeft(int used, int moving = 0) => Math.Max(0, MaxSlotsPerMonth - used + moving);
}
