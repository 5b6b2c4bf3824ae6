using System.Threading.RateLimiting;
using ClinicPortal.Infrastructure.RateLimiting;

namespace ClinicPortal.Tests.Unit.Hosting;

public class OnDemandRateLimiterTests
{
    [Fact]
    public async Task AFixedWindowRefusesPastItsPermitsAndIsFullAgainOnceTheWindowHasPassed()
    {
        var limiter = OnDemandRateLimiter<string>.FixedWindow(permits: 2, window: TimeSpan.FromMilliseconds(200));

        Assert.True(Acquired(limiter, "a"));
        Assert.True(Acquired(limiter, "a"));
        using (var refused = limiter.AttemptAcquire("a"))
        {
            Assert.False(refused.IsAcquired);
            Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero);
        }
        Assert.True(Acquired(limiter, "b")); // another key has its own permits

        await Poll.AssertAsync(() => Acquired(limiter, "a"), "the window passed and was refilled when asked", TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void ATokenBucketRefusesPastItsTokensWithinThePeriod()
    {
        var limiter = OnDemandRateLimiter<string>.TokenBucket(tokens: 3, period: TimeSpan.FromMinutes(1));

        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(_ => Acquired(limiter, "patient")));
    }

    [Fact]
    public async Task KeysLeftAloneLongerThanTheirWindowAreForgotten()
    {
        var limiter = OnDemandRateLimiter<string>.FixedWindow(permits: 5, window: TimeSpan.FromMilliseconds(100));
        foreach (var key in Enumerable.Range(0, 50).Select(i => $"address {i}"))
            Assert.True(Acquired(limiter, key));
        Assert.Equal(50, limiter.Keys);

        // Only the keys asked about since stay remembered.
        await Poll.AssertAsync(() => Acquired(limiter, "now") && limiter.Keys == 1, "the idle keys were dropped", TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(50));
    }

    private static bool Acquired(OnDemandRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }
}
