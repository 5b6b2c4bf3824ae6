namespace ClinicPortal.Tests.Unit.Support;

/// <summary>Racers that really run at once: each on its own thread, all released together from one barrier.</summary>
public static class Race
{
    public static async Task<T[]> AtOnceAsync<T>(int racers, Func<int, Task<T>> racer)
    {
        using var start = new Barrier(racers);
        var running = Enumerable.Range(0, racers).Select(i => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            return racer(i);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()).ToArray();
        return await Task.WhenAll(running);
    }

    /// <summary>Two different racers released together.</summary>
    public static async Task<(T1, T2)> BothAtOnceAsync<T1, T2>(Func<Task<T1>> first, Func<Task<T2>> second)
    {
        object?[] results = await AtOnceAsync<object?>(2, async i => i == 0 ? await first() : await second());
        return ((T1)results[0]!, (T2)results[1]!);
    }
}
