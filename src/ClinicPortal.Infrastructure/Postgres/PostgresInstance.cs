using System.Globalization;

namespace ClinicPortal.Infrastructure.Postgres;

/// <summary>This process among the instances sharing one PostgreSQL database: its id tells its own notifications from others'.</summary>
public sealed class PostgresInstance
{
    public Guid Id { get; } = Guid.NewGuid();

    internal static string Payload(Guid instance, long first, long last) => $"{instance:N}:{first}:{last}";

    internal static bool TryParse(string payload, out Guid instance, out long first, out long last)
    {
        instance = default;
        first = last = 0;
        var parts = payload.Split(':');
        return parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out instance)
            && long.TryParse(parts[1], CultureInfo.InvariantCulture, out first) && long.TryParse(parts[2], CultureInfo.InvariantCulture, out last);
    }
}
