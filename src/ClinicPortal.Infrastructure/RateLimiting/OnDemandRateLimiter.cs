using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.RateLimiting;

namespace ClinicPortal.Infrastructure.RateLimiting;

/// <summary>
/// A rate limiter per key (a client address, an account) that refills a key's limiter when the key is next asked
/// about, instead of on a timer. .NET's own partitioned limiter refills its partitions from a timer that fires ten
/// times a second for as long as the process lives: with four of them, an idle practice's process woke forty times a
/// second and spent twice the CPU of everything else it did at rest. The limits are the same (a fixed window, a token
/// bucket: the limiter <paramref name="create"/> makes, with <c>AutoReplenishment</c> off); a key left alone longer
/// than <paramref name="forgetAfter"/> is full again and is forgotten, so the table holds only the recently active.
/// </summary>
public sealed class OnDemandRateLimiter<TKey>(Func<TKey, ReplenishingRateLimiter> create, TimeSpan forgetAfter) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, ReplenishingRateLimiter> _limiters = new();
    private long _lastSweep = Stopwatch.GetTimestamp();

    /// <summary>How many keys are remembered now.</summary>
    public int Keys => _limiters.Count;

    /// <summary>Takes permits from the key's limiter if it has them (a lease that says whether it did, and when to retry if not).</summary>
    public RateLimitLease AttemptAcquire(TKey key, int permitCount = 1)
    {
        ForgetIdle();
        var limiter = _limiters.GetOrAdd(key, create);
        limiter.TryReplenish(); // refills only once its window or period has passed
        return limiter.AttemptAcquire(permitCount);
    }

    /// <summary>
    /// At most once per <c>forgetAfter</c>, drops the keys idle that long (their limiters full again). A request racing
    /// the drop may take a permit from the dropped limiter: at most one extra permit, once, for a key that was idle.
    /// </summary>
    private void ForgetIdle()
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (Stopwatch.GetElapsedTime(last) < forgetAfter || Interlocked.CompareExchange(ref _lastSweep, Stopwatch.GetTimestamp(), last) != last)
            return;
        foreach (var (key, limiter) in _limiters)
            if (limiter.TryReplenish() && limiter.IdleDuration is { } idle && idle >= forgetAfter) // full again, and for that long
                _limiters.TryRemove(new KeyValuePair<TKey, ReplenishingRateLimiter>(key, limiter));
    }

    /// <summary>A fixed window of <paramref name="permits"/> per <paramref name="window"/>, refilled on demand.</summary>
    public static OnDemandRateLimiter<TKey> FixedWindow(int permits, TimeSpan window) => new(_ => new FixedWindowRateLimiter(new()
    {
        PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = false,
    }), window);

    /// <summary>A bucket of <paramref name="tokens"/> refilled whole every <paramref name="period"/>, on demand.</summary>
    public static OnDemandRateLimiter<TKey> TokenBucket(int tokens, TimeSpan period) => new(_ => new TokenBucketRateLimiter(new()
    {
        TokenLimit = tokens, TokensPerPeriod = tokens, ReplenishmentPeriod = period, QueueLimit = 0, AutoReplenishment = false,
    }), period);
}
