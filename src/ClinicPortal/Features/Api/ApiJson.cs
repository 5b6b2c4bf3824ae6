using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicPortal.Features.Api;

/// <summary>
/// Reads request bodies strictly: malformed JSON, wrong types (a number sent as a string too), unknown fields, a null
/// inside a list, missing bodies and bodies over 64 KB are all 400s (413 for the size) with a sentence saying what was
/// wrong and where, never a 500.
/// </summary>
public static class ApiJson
{
    public const int MaxBodyBytes = 64 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// Every API request's body, the framework's own (Identity's sign-in) too, is at most <see cref="MaxBodyBytes"/>: a
    /// larger one is refused with 413 before it is read (as it arrives, for a body without a length).
    /// </summary>
    public static Task LimitBodyAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
            return ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "payload_too_large", $"The body may be at most {MaxBodyBytes / 1024} KB.")
                .ExecuteAsync(context);
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        return next(context);
    }

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
            using (var document = JsonDocument.Parse(limited.ToArray()))
                if (NullInAList(document.RootElement, "$") is { } path)
                    return (null, ApiProblems.Validation($"The list at {path} holds a null; give each item, or leave it out."));
            var value = JsonSerializer.Deserialize<T>(limited.ToArray(), Options);
            return value is null ? (null, ApiProblems.Validation("The request needs a JSON object.")) : (value, null);
        }
        catch (JsonException exception)
        {
            var where = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "" : $" at {exception.Path}";
            return (null, ApiProblems.Validation($"The body is not valid for this request{where}."));
        }
    }

    /// <summary>Where the first null inside a list is (a JSON path such as <c>$.parts[0]</c>), or null when there is none.</summary>
    private static string? NullInAList(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    if (NullInAList(property.Value, $"{path}.{property.Name}") is { } found)
                        return found;
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var at = $"{path}[{index++}]";
                    if (item.ValueKind == JsonValueKind.Null)
                        return at;
                    if (NullInAList(item, at) is { } found)
                        return found;
                }
                return null;
            default:
                return null;
        }
    }
}
