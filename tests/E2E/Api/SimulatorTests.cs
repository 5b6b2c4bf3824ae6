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
    public async Task HoldsConfirmedOrWalkedAwayFrom_RunOutOrBook_AndNoSlotEndsKeptTwice()
    {
        // Holds of three seconds and thinking of up to four: some confirmations come too late, and every abandoned hold runs out.
        await using var app = await AppProcess.StartAsync(settings: new Dictionary<string, string> { ["Seed:Demo"] = "true", ["Booking:HoldMinutes"] = "0.05" });
        var output = new StringWriter();
        var options = SimulationOptions.Parse(["--mix", "book=10,read=10,cancel=10,hold=70,confirm=60", "--hold-think", "4"])
            with { Url = app.BaseAddress, Workers = 12, Duration = TimeSpan.FromSeconds(10), Patients = 20 };

        var exitCode = await new Simulation(options, output).RunAsync();

        var report = output.ToString();
        Assert.True(exitCode == 0, report);
        Assert.Contains("OK  no slot kept by a hold and by another hold or a booking", report);
        Assert.Contains("OK  no slot in two active bookings", report);
        var holds = System.Text.RegularExpressions.Regex.Match(report, @"holds: (\d+) placed, (\d+) walked away from, (\d+) run out, (\d+) still kept; (\d+) confirmations refused as run out");
        Assert.True(holds.Success, report);
        int N(int group) => int.Parse(holds.Groups[group].Value);
        Assert.True(N(1) > 0 && N(2) > 0, report);
        Assert.True(N(3) >= N(2), report); // every hold walked away from ran out (and late confirmations' too)
        Assert.Equal(0, N(4));
        Assert.True(N(5) > 0, report);
        Assert.Matches(@"confirm hold\s+\d+\s+\d*[1-9]", report); // some confirmations went through
        Assert.DoesNotContain("error 5", report);
    }

    [Fact]
    public void BadArgumentsAreExplained()
    {
        var error = Assert.Throws<ArgumentException>(() => SimulationOptions.Parse(["--workers", "many"]));

        Assert.Equal("--workers needs a positive whole number.", error.Message);
        Assert.Equal(30, SimulationOptions.Parse(["--mix", "book=30,read=70"]).BookWeight);
        Assert.Equal((40, 75), SimulationOptions.Parse(["--mix", "hold=40,confirm=75"]) is var o ? (o.HoldWeight, o.ConfirmPercent) : default);
        Assert.Equal("--mix confirm is a percentage, from 0 to 100.", Assert.Throws<ArgumentException>(() => SimulationOptions.Parse(["--mix", "confirm=101"])).Message);
    }
}
