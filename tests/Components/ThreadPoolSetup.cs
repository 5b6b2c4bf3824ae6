namespace ClinicPortal.Tests.Components;

/// <summary>
/// The test command runs the test assemblies side by side on 2 cores, and bUnit's synchronous waits each hold a
/// thread-pool thread: with the pool at its minimum of two, a renderer's dispatcher can go unscheduled until a wait
/// times out (seen once in CI: "the wait condition was never checked"). bUnit's own advice: more threads from the start.
/// </summary>
internal static class ThreadPoolSetup
{
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 4), io);
    }
}
