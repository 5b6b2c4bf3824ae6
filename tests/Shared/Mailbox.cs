using System.Text;
using System.Text.RegularExpressions;

namespace ClinicPortal.Tests.Shared;

/// <summary>Reads the messages the app wrote: .eml files in a pickup folder, with base64 and quoted-printable parts decoded.</summary>
public static partial class Mailbox
{
    public static IReadOnlyList<string> PickupFolder(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, "mail-pickup");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").OrderBy(File.GetLastWriteTimeUtc).Select(f => Decode(File.ReadAllText(f))).ToArray()
            : [];
    }

    public static async Task<string> WaitForAsync(Func<IReadOnlyList<string>> read, Func<string, bool> match, TimeSpan? timeout = null)
    {
        string? found = null;
        if (await Poll.UntilAsync(() => (found = read().FirstOrDefault(match)) is not null, timeout ?? TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(200)))
            return found!;
        throw new TimeoutException("No matching message arrived.");
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> messages match, then up to a moment and a half more for a
    /// duplicate (one more than <paramref name="count"/>), and returns every match.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WaitForCountAsync(
        Func<IReadOnlyList<string>> read, Func<string, bool> match, int count, TimeSpan? timeout = null)
    {
        await Poll.UntilAsync(() => read().Count(match) >= count, timeout ?? TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(200));
        await Poll.UntilAsync(() => read().Count(match) > count, TimeSpan.FromSeconds(1.5), TimeSpan.FromMilliseconds(200));
        return read().Where(match).ToArray();
    }

    /// <summary>The raw message with every encoded body part replaced by its decoded text.</summary>
    public static string Decode(string raw)
    {
        var text = new StringBuilder(raw);
        foreach (Match part in Base64Part().Matches(raw))
        {
            try
            {
                text.AppendLine(Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(part.Groups["body"].Value, @"\s", ""))));
            }
            catch (FormatException)
            {
                // Not a base64 body after all.
            }
        }
        foreach (Match part in QuotedPrintablePart().Matches(raw))
        {
            var body = part.Groups["body"].Value.Replace("=\r\n", "").Replace("=\n", "");
            var bytes = new List<byte>();
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] == '=' && i + 2 < body.Length && Uri.IsHexDigit(body[i + 1]) && Uri.IsHexDigit(body[i + 2]))
                {
                    bytes.Add(Convert.ToByte(body.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                    bytes.AddRange(Encoding.UTF8.GetBytes(body[i].ToString()));
            }
            text.AppendLine(Encoding.UTF8.GetString(bytes.ToArray()));
        }
        return text.ToString();
    }

    /// <summary>The set-password link of an invitation or a password-reset message ("" when there is none).</summary>
    public static string SetPasswordLink(string message) => AccountLink(message, "set-password");

    /// <summary>The link of a registration's confirmation message ("" when there is none).</summary>
    public static string ConfirmEmailLink(string message) => AccountLink(message, "confirm-email");

    private static string AccountLink(string message, string page) =>
        AccountLinkPattern().Matches(message).FirstOrDefault(m => m.Groups["page"].Value == page)?.Value.Replace("&amp;", "&") ?? "";

    [GeneratedRegex(@"http://[^\s""<>]+/account/(?<page>[a-z\-]+)\?userId=[^\s""<>&]+&(amp;)?code=[A-Za-z0-9_\-]+")]
    private static partial Regex AccountLinkPattern();

    [GeneratedRegex(@"Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n(?<body>(?:[A-Za-z0-9+/=]+\r?\n)+)", RegexOptions.IgnoreCase)]
    private static partial Regex Base64Part();

    [GeneratedRegex(@"Content-Transfer-Encoding: quoted-printable\r?\n(?:[^\r\n]+\r?\n)*\r?\n(?<body>(?:.*\r?\n)*?)(?=--|\z)", RegexOptions.IgnoreCase)]
    private static partial Regex QuotedPrintablePart();
}

/// <summary>
/// A real SMTP server for tests: Debian's aiosmtpd on a loopback port, keeping each message in a Maildir. Like a
/// real server it refuses some recipients: <c>nobody@…</c> with 550 (no such user, final) and <c>later@…</c>
/// with 451 (try again later).
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private System.Diagnostics.Process? _process;

    private SmtpServer(int port, string directory)
    {
        Port = port;
        Directory = directory;
    }

    public int Port { get; }
    public string Directory { get; }
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>A server on a free port (not yet started when <paramref name="start"/> is false: its port is reserved for later).</summary>
    public static async Task<SmtpServer> CreateAsync(bool start = true)
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        // aiosmtpd's Maildir creates its own folder (with new/, cur/ and tmp/): name one that does not exist yet.
        var server = new SmtpServer(port, Path.Combine(System.IO.Directory.CreateTempSubdirectory("clinicportal-smtp-").FullName, "maildir"));
        if (start) await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python))
            throw new InvalidOperationException("Debian's python3 with python3-aiosmtpd is needed (scripts/test.sh installs it).");
        var handlerFolder = System.IO.Directory.CreateTempSubdirectory("clinicportal-smtp-handler-").FullName;
        await File.WriteAllTextAsync(Path.Combine(handlerFolder, "refusing.py"), RefusingHandler);
        var start = new System.Diagnostics.ProcessStartInfo(python,
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "refusing.RefusingMailbox", Directory])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["PYTHONPATH"] = handlerFolder;
        _process = System.Diagnostics.Process.Start(start)!;
        var listening = await Poll.UntilAsync(async () =>
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"aiosmtpd exited: {await _process.StandardError.ReadToEndAsync()}");
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(System.Net.IPAddress.Loopback, Port);
                return true;
            }
            catch (System.Net.Sockets.SocketException)
            {
                return false;
            }
        });
        if (listening)
            return;
        throw new TimeoutException($"aiosmtpd did not listen on port {Port}.");
    }

    private const string RefusingHandler = """
        from aiosmtpd.handlers import Mailbox

        class RefusingMailbox(Mailbox):
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.startswith("nobody@"):
                    return "550 5.1.1 No such user here"
                if address.startswith("later@"):
                    return "451 4.3.0 Mailbox busy, try again later"
                envelope.rcpt_tos.append(address)
                return "250 OK"
        """;

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process = null;
    }

    /// <summary>Every message received so far, decoded.</summary>
    public IReadOnlyList<string> Messages()
    {
        var folders = new[] { "new", "cur" }.Select(f => Path.Combine(Directory, f)).Where(System.IO.Directory.Exists);
        return folders.SelectMany(System.IO.Directory.GetFiles).OrderBy(File.GetLastWriteTimeUtc)
            .Select(f => Mailbox.Decode(File.ReadAllText(f))).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
