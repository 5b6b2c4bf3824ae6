using ClinicPortal.Simulator;
using ClinicPortal.Tests.E2E.Infrastructure;

namespace ClinicPortal.Tests.E2E.Api;

public class SimulatorTests
{
    [Fact]
    public async Task ASimulatedRushOfBookingsAndCancellationsLeavesEveryInvariantIntact()
    {
        // An app of its own: the rush's bookings must not meet the other journeys'.
        await using var app = await AppProcess.StartAsync(settings: new Dictionary<string, string> { ["Seed:Demo"] = "true" });
        var output = new StringWriter();
        var options = SimulationOptions.Parse(["--mix", "book=40,double=15,cancel=15,read=20,visit=25"])
            with { Url = app.BaseAddress, Workers = 12, Duration = TimeSpan.FromSeconds(8), Patients = 20 };

        var exitCode = await new Simulation(options, output).RunAsync();

        var report = output.ToString();
        Assert.True(exitCode == 0, report);
        Assert.Contains("OK  no slot in two active bookings", report);
        Assert.Contains("OK  no patient above 10 slots in a month", report);
        Assert.Matches(@"book\s+\d+\s+\d*[1-9]", report); // some bookings went through
        Assert.Matches(@"book visit\s+\d+\s+\d*[1-9]", report); // and some visit types
        Assert.DoesNotContain("error 5", report);
    }

    [Fact]
    public void BadArgumentsAreExplained()
    {
        var error = Assert.Throws<ArgumentException>(() => SimulationOptions.Parse(["--workers", "many"]));

        Assert.Equal("--workers needs a positive whole number.", error.Message);
        Assert.Equal(30, SimulationOptions.Parse(["--mix", "book=30,read=70"]).BookWeight);
    }
}
