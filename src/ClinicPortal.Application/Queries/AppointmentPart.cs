namespace ClinicPortal.Application.Queries;

/// <summary>One clinician's part of a booking: who, of which kind (null: the visit is theirs alone), from when to when.</summary>
public sealed record AppointmentPart(Guid ClinicianId, Domain.ClinicianKind? Kind, DateTimeOffset StartUtc, DateTimeOffset EndUtc)
{
    /// <summary>The parts a visit booked by its parts has now, as a shape (null: a visit of one clinician).</summary>
    public static IReadOnlyList<Domain.VisitTypes.VisitPart>? ShapeOf(IReadOnlyList<AppointmentPart> parts)
    {
        if (parts.Count == 0 || parts.Any(p => p.Kind is null))
            return null;
        var start = parts.Min(p => p.StartUtc);
        return parts.Select(p => new Domain.VisitTypes.VisitPart(p.Kind!.Value, (int)(p.StartUtc - start).TotalMinutes, (int)(p.EndUtc - p.StartUtc).TotalMinutes))
            .ToArray();
    }
}
