using System.Diagnostics;

namespace ClinicPortal.Tests.E2E.Infrastructure;

/// <summary>
/// The app as it is deployed: `dotnet publish` output, which carries the packages' static files.
/// The test script publishes once and names the folder in CLINICPORTAL_APP_DIR; without it, the
/// first test to need the app publishes it here.
/// </summary>
public static class PublishedApp
{
    public const string DirectoryVariable = "CLINICPORTAL_APP_DIR";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _directory;

    public static async Task<string> GetDirectoryAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _directory ??= await LocateOrPublishAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> LocateOrPublishAsync()
    {
        var named = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrEmpty(named))
        {
            if (!File.Exists(System.IO.Path.Combine(named, "ClinicPortal")))
                throw new InvalidOperationException($"{DirectoryVariable}={named} holds no published ClinicPortal.");
            return named;
        }

        var output = System.IO.Path.Combine(RepositoryRoot.Path, "artifacts", "e2e-app");
        var project = System.IO.Path.Combine(RepositoryRoot.Path, "src", "ClinicPortal", "ClinicPortal.csproj");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's MSBuild settings must not leak into a separate build.
        foreach (var name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
            start.Environment.Remove(name);

        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await stdout}\n{await stderr}");
        return output;
    }
}
