using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ClinicPortal.Infrastructure.Email;

namespace ClinicPortal.Benchmarks;

public sealed record EmailThroughput(string Name, int Emails, TimeSpan Elapsed)
{
    public double PerSecond => Emails / Elapsed.TotalSeconds;
}

/// <summary>
/// A burst of emails, as a cancelled day makes: <c>n</c> messages recorded in the outbox at once (each the size of a
/// booking notice with its calendar file), then timed until the dispatcher has sent and marked every one.
/// </summary>
public static class EmailScenarios
{
    public static async Task<EmailThroughput> BurstAsync(string directory, string name, int emails, IDictionary<string, string?>? settings = null)
    {
        await using var app = await Harness.StartAsync(directory, settings);
        var outbox = app.Get<EmailOutbox>();
        await outbox.RecordAsync(Notices(emails), "bench", 0, DateTimeOffset.UtcNow);

        var dispatcher = app.Get<EmailDispatcher>();
        var watch = Stopwatch.StartNew();
        var sent = 0;
        while (sent < emails)
        {
            var went = await dispatcher.SendDueAsync();
            if (went == 0)
                throw new InvalidOperationException($"{name}: the dispatcher stopped after {sent} of {emails} emails.");
            sent += went;
        }
        return new EmailThroughput(name, sent, watch.Elapsed);
    }

    /// <summary>
    /// The same messages handed straight to the sender over as many connections as the dispatcher uses, with no
    /// outbox: what the server (or the disk) allows, the limit the dispatcher is measured against.
    /// </summary>
    public static async Task<EmailThroughput> SenderOnlyAsync(string directory, string name, int emails, IDictionary<string, string?>? settings = null)
    {
        await using var app = await Harness.StartAsync(directory, settings);
        var sender = app.Get<IEmailSender>();
        var messages = Notices(emails).Select(m => m.Email with { Key = m.Key }).ToArray();
        var connections = app.Get<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value.Smtp.Connections;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = connections }, async (message, ct) => await sender.SendAsync(message, ct));
        return new EmailThroughput(name, emails, watch.Elapsed);
    }

    private static OutboxMessage[] Notices(int emails)
    {
        var html = "<p>Dear Patient,</p>" + string.Concat(Enumerable.Repeat("<p>Your appointment with Dr Ada Hart is booked for Wednesday 2 December at 09:30.</p>", 12));
        var text = "Dear Patient,\n" + string.Concat(Enumerable.Repeat("Your appointment with Dr Ada Hart is booked for Wednesday 2 December at 09:30.\n", 12));
        var calendar = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Appointment\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        return Enumerable.Range(0, emails).Select(i => new OutboxMessage($"bench:{i}", "booked",
            new EmailMessage($"patient{i % 500}@mail.example", $"Booked: Dr Ada Hart, {i}", html, text, [new EmailAttachment("appointment.ics", "text/calendar", calendar)])))
            .ToArray();
    }

    /// <summary>Debian's aiosmtpd on a loopback port, throwing every message away (null when it is not installed).</summary>
    public static async Task<Process?> StartSinkAsync(int port)
    {
        if (!File.Exists("/usr/bin/python3"))
            return null;
        var sink = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Sink"])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        })!;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (sink.HasExited)
                return null;
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return sink;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        sink.Kill();
        return null;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
