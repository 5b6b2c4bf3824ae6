namespace ClinicPortal.Tests.Unit.Support;

/// <summary>A clock the test sets (Microsoft.Extensions.TimeProvider.Testing is not in the registry copy).</summary>
public sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void SetUtcNow(DateTimeOffset now) => _now = now;

    public void Advance(TimeSpan by) => _now += by;
}
