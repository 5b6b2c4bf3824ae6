using System.Text.Json.Nodes;
using ClinicPortal.Hosting;

namespace ClinicPortal.Tests.Unit.Hosting;

public class StaticAssetsManifestTests
{
    // The shape the build writes for a package's stylesheet (MudBlazor's): compressed copies under the plain name only.
    private const string PackageAsset = """
        {"Version":1,"ManifestType":"Publish","Endpoints":[
          {"Route":"_content/Lib/lib.css","AssetFile":"_content/Lib/lib.css","Selectors":[],
           "ResponseHeaders":[{"Name":"Cache-Control","Value":"no-cache"},{"Name":"Content-Length","Value":"1000"}],
           "EndpointProperties":[{"Name":"integrity","Value":"sha256-A"}]},
          {"Route":"_content/Lib/lib.css","AssetFile":"_content/Lib/lib.css.br","Selectors":[{"Name":"Content-Encoding","Value":"br","Quality":"0.1"}],
           "ResponseHeaders":[{"Name":"Cache-Control","Value":"no-cache"},{"Name":"Content-Encoding","Value":"br"},{"Name":"Content-Length","Value":"100"}],
           "EndpointProperties":[{"Name":"integrity","Value":"sha256-A"}]},
          {"Route":"_content/Lib/lib.css","AssetFile":"_content/Lib/lib.css.gz","Selectors":[{"Name":"Content-Encoding","Value":"gzip","Quality":"0.2"}],
           "ResponseHeaders":[{"Name":"Cache-Control","Value":"no-cache"},{"Name":"Content-Encoding","Value":"gzip"},{"Name":"Content-Length","Value":"150"}],
           "EndpointProperties":[{"Name":"integrity","Value":"sha256-A"}]},
          {"Route":"_content/Lib/lib.abc123.css","AssetFile":"_content/Lib/lib.css","Selectors":[],
           "ResponseHeaders":[{"Name":"Cache-Control","Value":"max-age=31536000, immutable"},{"Name":"Content-Length","Value":"1000"}],
           "EndpointProperties":[{"Name":"fingerprint","Value":"abc123"},{"Name":"integrity","Value":"sha256-A"},{"Name":"label","Value":"_content/Lib/lib.css"}]}
        ]}
        """;

    [Fact]
    public void AFingerprintedPackageAssetGetsThePlainNamesCompressedCopiesWithItsOwnCaching()
    {
        var completed = JsonNode.Parse(StaticAssetsManifest.Complete(PackageAsset)!)!["Endpoints"]!.AsArray();

        var fingerprinted = completed.Where(e => (string?)e!["Route"] == "_content/Lib/lib.abc123.css").ToArray();
        Assert.Equal(["_content/Lib/lib.css", "_content/Lib/lib.css.br", "_content/Lib/lib.css.gz"], fingerprinted.Select(e => (string?)e!["AssetFile"]).Order());
        foreach (var endpoint in fingerprinted)
        {
            var headers = endpoint!["ResponseHeaders"]!.AsArray().ToDictionary(h => (string)h!["Name"]!, h => (string?)h!["Value"]);
            Assert.Equal("max-age=31536000, immutable", headers["Cache-Control"]);
            var properties = endpoint["EndpointProperties"]!.AsArray().Select(p => (string)p!["Name"]!).ToArray();
            Assert.Contains("fingerprint", properties);
            Assert.Contains("label", properties);
        }
        var brotli = fingerprinted.Single(e => (string?)e!["AssetFile"] == "_content/Lib/lib.css.br");
        Assert.Equal("br", (string?)brotli!["Selectors"]![0]!["Value"]);
        var plain = fingerprinted.Single(e => (string?)e!["AssetFile"] == "_content/Lib/lib.css");
        Assert.Contains(plain!["ResponseHeaders"]!.AsArray(), h => (string?)h!["Name"] == "Vary" && (string?)h["Value"] == "Accept-Encoding"); // caches keep encodings apart
        Assert.Equal(6, completed.Count); // the four as they were, and the two copies
    }

    [Fact]
    public void AManifestWithNothingMissingIsLeftAlone()
    {
        var manifest = JsonNode.Parse(PackageAsset)!;
        var endpoints = manifest["Endpoints"]!.AsArray();
        endpoints.RemoveAt(3); // no fingerprinted name lacks its compressed copies

        Assert.Null(StaticAssetsManifest.Complete(manifest.ToJsonString()));
    }
}
