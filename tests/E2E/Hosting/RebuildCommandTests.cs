using System.Diagnostics;
using ClinicPortal.Tests.E2E.Infrastructure;

namespace ClinicPortal.Tests.E2E.Hosting;

public class RebuildCommandTests
{
    [Fact]
    public async Task TheRebuildSwitchRebuildsTheReadModelsAndExitsZero()
    {
        var appDirectory = await PublishedApp.GetDirectoryAsync();
        var data = Directory.CreateTempSubdirectory("clinicportal-rebuild-").FullName;
        var start = new ProcessStartInfo(Path.Combine(appDirectory, "ClinicPortal"), ["--rebuild-read-models"])
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Data__Directory"] = data;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}:\n{await output}\n{await errors}");
        Assert.Contains("Rebuilt read model schedule", await output);
        Assert.True(File.Exists(Path.Combine(data, "clinic.db")));
    }
}
