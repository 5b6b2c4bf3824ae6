using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicPortal.Features.Api;

/// <summary>
/// Reads request bodies strictly: malformed JSON, wrong types, unknown fields, missing bodies and bodies over
/// 64 KB are all 400s with a sentence saying what was wrong, never a 500.
/// </summary>
public static class ApiJson
{
    public const int MaxBodyBytes = 64 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        if (request.ContentLength > MaxBodyBytes)
            return (null, ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "payload_too_large", $"The body may be at most {MaxBodyBytes / 1024} KB."));
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (null, ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "Send the body as application/json."));
        try
        {
            using var limited = new MemoryStream();
            var buffer = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                if (limited.Length + read > MaxBodyBytes)
                    return (null, ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "payload_too_large", $"The body may be at most {MaxBodyBytes / 1024} KB."));
                limited.Write(buffer, 0, read);
            }
            if (limited.Length == 0)
                return (null, ApiProblems.Validation("The request needs a JSON body."));
            var value = JsonSerializer.Deserialize<T>(limited.ToArray(), Options);
            return value is null ? (null, ApiProblems.Validation("The request needs a JSON object.")) : (value, null);
        }
        catch (JsonException exception)
        {
            var where = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "" : $" at {exception.Path}";
            return (null, ApiProblems.Validation($"The body is not valid for this request{where}."));
        }
    }
}
