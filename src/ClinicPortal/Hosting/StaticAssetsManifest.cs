using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ClinicPortal.Hosting;

/// <summary>
/// Serves every static asset compressed under the name pages link it by. The build writes a manifest of the endpoints
/// <c>MapStaticAssets</c> serves; for a package's assets (MudBlazor's stylesheet and script) it lists the brotli and
/// gzip copies under the plain name only, and the fingerprinted name pages use (<c>@Assets[…]</c>, cached as immutable)
/// only uncompressed: 627 KB of stylesheet where 43 KB would do. This gives each fingerprinted endpoint the compressed
/// copies its plain name has, with the fingerprinted endpoint's own caching, in a copy of the manifest the app maps.
/// </summary>
public static class StaticAssetsManifest
{
    /// <summary>
    /// The manifest to map the static assets from and resolve pages' links with (<c>@Assets[…]</c>): the completed one,
    /// or null for the build's own (nothing to add, or no manifest, as under a test host).
    /// </summary>
    public static string? CompletedPath(IWebHostEnvironment environment)
    {
        var built = Path.Combine(AppContext.BaseDirectory, $"{environment.ApplicationName}.staticwebassets.endpoints.json");
        return File.Exists(built) && Complete(File.ReadAllText(built)) is { } completed ? Write(completed, built) : null;
    }

    /// <summary>The manifest with the compressed endpoints fingerprinted names lack; null when none lacks any.</summary>
    public static string? Complete(string manifestJson)
    {
        var manifest = JsonNode.Parse(manifestJson)!.AsObject();
        var endpoints = manifest["Endpoints"]!.AsArray();
        var compressedByRoute = endpoints.Where(IsCompressed).ToLookup(e => (string)e!["Route"]!);
        var added = new List<JsonNode>();
        foreach (var fingerprinted in endpoints.Where(e => Property(e!, "fingerprint") is not null && !IsCompressed(e)).ToArray())
        {
            var route = (string)fingerprinted!["Route"]!;
            if (compressedByRoute[route].Any() || Property(fingerprinted, "label") is not { } label)
                continue;
            foreach (var compressed in compressedByRoute[label])
            {
                var copy = compressed!.DeepClone().AsObject();
                copy["Route"] = route;
                SetHeader(copy, "Cache-Control", Header(fingerprinted, "Cache-Control"));
                var properties = copy["EndpointProperties"]!.AsArray();
                properties.Add(new JsonObject { ["Name"] = "fingerprint", ["Value"] = Property(fingerprinted, "fingerprint") });
                properties.Add(new JsonObject { ["Name"] = "label", ["Value"] = label });
                added.Add(copy);
            }
            if (Header(fingerprinted, "Vary") is null) // caches keep the encodings apart
                fingerprinted["ResponseHeaders"]!.AsArray().Add(new JsonObject { ["Name"] = "Vary", ["Value"] = "Accept-Encoding" });
        }
        if (added.Count == 0)
            return null;
        foreach (var endpoint in added)
            endpoints.Add(endpoint);
        return manifest.ToJsonString();
    }

    private static bool IsCompressed(JsonNode? endpoint) =>
        endpoint!["Selectors"]?.AsArray().Any(s => (string?)s!["Name"] == "Content-Encoding") == true;

    private static string? Property(JsonNode endpoint, string name) =>
        (string?)endpoint["EndpointProperties"]?.AsArray().FirstOrDefault(p => (string?)p!["Name"] == name)?["Value"];

    private static string? Header(JsonNode endpoint, string name) =>
        (string?)endpoint["ResponseHeaders"]?.AsArray().FirstOrDefault(h => (string?)h!["Name"] == name)?["Value"];

    private static void SetHeader(JsonObject endpoint, string name, string? value)
    {
        if (value is null)
            return;
        var headers = endpoint["ResponseHeaders"]!.AsArray();
        if (headers.FirstOrDefault(h => (string?)h!["Name"] == name) is { } header)
            header["Value"] = value;
        else
            headers.Add(new JsonObject { ["Name"] = name, ["Value"] = value });
    }

    /// <summary>
    /// Writes the completed manifest beside the build's when the app may write there, else to the temporary folder; named
    /// by its content, so instances of one build share it and a new build never reads an old one.
    /// </summary>
    private static string Write(string completed, string built)
    {
        var name = $"{Path.GetFileNameWithoutExtension(built)}.{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(completed)))[..16]}.json";
        foreach (var directory in new[] { Path.GetDirectoryName(built)!, Path.Combine(Path.GetTempPath(), "ClinicPortal") })
        {
            var path = Path.Combine(directory, name);
            try
            {
                if (!File.Exists(path))
                {
                    Directory.CreateDirectory(directory);
                    var partial = $"{path}.{Environment.ProcessId}.tmp";
                    File.WriteAllText(partial, completed);
                    File.Move(partial, path, overwrite: true);
                }
                return path;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // not writable here: try the next place
            }
        }
        return built;
    }
}
