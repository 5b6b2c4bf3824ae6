using System.Collections.Concurrent;

namespace ClinicPortal.Simulator;

/// <summary>What happened to each kind of request: counts by outcome and latencies.</summary>
public sealed class Report
{
    private readonly ConcurrentDictionary<string, Operation> _operations = new();

    public void Record(string operation, TimeSpan latency, string outcome) =>
        _operations.GetOrAdd(operation, _ => new Operation()).Add(latency.TotalMilliseconds, outcome);

    /// <summary>How many requests of <paramref name="operation"/> ended in <paramref name="outcome"/>.</summary>
    public int Count(string operation, string outcome) =>
        _operations.TryGetValue(operation, out var op) ? op.CountOf(outcome) : 0;

    public int Errors => _operations.Values.Sum(o => o.Outcomes.Where(p => p.Key.StartsWith("error", StringComparison.Ordinal)).Sum(p => p.Value));

    public void Print(TextWriter output, TimeSpan duration)
    {
        output.WriteLine($"{"operation",-14} {"total",7} {"ok",7} {"rejected",8} {"errors",6} {"min",7} {"avg",7} {"p50",7} {"p95",7} {"p99",7} {"max",8} {"per s",7}");
        foreach (var (name, op) in _operations.OrderBy(p => p.Key))
        {
            var latencies = op.Latencies.Order().ToArray();
            double P(double p) => latencies[Math.Clamp((int)Math.Ceiling(p / 100 * latencies.Length) - 1, 0, latencies.Length - 1)];
            var ok = op.Outcomes.GetValueOrDefault("ok");
            var errors = op.Outcomes.Where(p => p.Key.StartsWith("error", StringComparison.Ordinal)).Sum(p => p.Value);
            output.WriteLine($"{name,-14} {latencies.Length,7} {ok,7} {latencies.Length - ok - errors,8} {errors,6} " +
                             $"{latencies[0],7:N1} {latencies.Average(),7:N1} {P(50),7:N1} {P(95),7:N1} {P(99),7:N1} {latencies[^1],8:N1} {latencies.Length / duration.TotalSeconds,7:N1}");
            foreach (var (outcome, count) in op.Outcomes.Where(p => p.Key != "ok").OrderByDescending(p => p.Value))
                output.WriteLine($"{"",-14}   {count,7} {outcome}");
        }
        output.WriteLine("(latencies in ms)");
    }

    private sealed class Operation
    {
        private readonly object _gate = new();
        public List<double> Latencies { get; } = [];
        public Dictionary<string, int> Outcomes { get; } = [];

        public int CountOf(string outcome)
        {
            lock (_gate)
                return Outcomes.GetValueOrDefault(outcome);
        }

        public void Add(double latency, string outcome)
        {
            lock (_gate)
            {
                Latencies.Add(latency);
                Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
            }
        }
    }
}
