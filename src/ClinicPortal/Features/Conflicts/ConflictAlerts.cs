using System.Text.Encodings.Web;
using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Conflicts;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Features.Notifications;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Application.Queries;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Features.Conflicts;

/// <summary>
/// The email that tells reception of new conflicts: one per event that opened any (a deactivation lists every appointment
/// it put on the desk), to the practice's reception address, with a link to the desk. Recorded by the patient notices'
/// reaction with its checkpoint, so it is sent once.
/// </summary>
public sealed class ConflictAlerts(
    IConflictQueries conflicts, PeopleDirectory people, IRoomQueries rooms, PracticeSettings practice, PracticeClock clock, IOptions<EmailOptions> options)
{
    /// <summary>Only these events open conflicts: the others are not asked about.</summary>
    private static bool MayOpen(IClinicEvent @event) => @event is
        ClinicianDeactivated or RoomDefined { InUse: false } or SlotsBooked { OverrideReason: not null } or AppointmentMoved { OverrideReason: not null }
        or DayCancelled { LostParts.Count: > 0 } or SlotsRemoved { LostParts.Count: > 0 };

    public async Task<OutboxMessage?> ComposeAsync(StoredEvent stored, CancellationToken ct = default)
    {
        if (!MayOpen(stored.Event))
            return null;
        var opened = await conflicts.OpenedByEventAsync(stored.Position, ct);
        if (opened.Count == 0)
            return null;
        var names = await people.FindManyAsync(opened.SelectMany(c => new[] { c.PatientId, c.ClinicianId }), ct);
        var byId = await rooms.ByIdAsync(ct);
        var text = new ConflictText(id => NoticeComposer.OneLine(names.GetValueOrDefault(id)?.Name ?? "someone"),
            id => id is { } room ? byId.GetValueOrDefault(room)?.Name ?? "a room" : "the room", clock.Time);
        var lines = opened.Select(c => $"{text.Appointment(c, clock.DateOf(c.StartUtc))}: {text.What(c)}").ToArray();
        var profile = practice.Current;
        var link = $"{options.Value.LinkBaseUrl.TrimEnd('/')}/conflicts";
        var subject = opened.Count == 1 ? "New conflict: 1 appointment needs you" : $"New conflicts: {opened.Count} appointments need you";
        var reason = opened.FirstOrDefault(c => c.OverrideReason is not null)?.OverrideReason;
        var plain = $"{string.Join('\n', lines)}\n\n" + (reason is null ? "" : $"Overridden because: {reason}\n\n") +
                    $"Resolve them on the conflicts desk: {link}\n\n{profile.Name}\n";
        var encode = HtmlEncoder.Default;
        var html = $"""
            <div style="font-family: Arial, Helvetica, sans-serif; color: #222; max-width: 36rem;">
            <p style="font-size: 1.1rem; font-weight: bold; color: #3d3dc4;">{encode.Encode(profile.Name)}</p>
            <ul>{string.Concat(lines.Select(line => $"<li data-part=\"conflict\">{encode.Encode(line)}</li>"))}</ul>
            {(reason is null ? "" : $"<p>Overridden because: {encode.Encode(reason)}</p>")}
            <p><a href="{encode.Encode(link)}" style="color: #3d3dc4;">Open the conflicts desk</a></p>
            </div>
            """;
        return new OutboxMessage($"{stored.Position}:reception", "conflict", new EmailMessage(profile.ReceptionAddress, subject, html, plain));
    }
}
