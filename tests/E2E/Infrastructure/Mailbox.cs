using System.Text;
using System.Text.RegularExpressions;

namespace ClinicPortal.Tests.E2E.Infrastructure;

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
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            var found = read().FirstOrDefault(match);
            if (found is not null) return found;
            await Task.Delay(200);
        }
        throw new TimeoutException("No matching message arrived.");
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

    [GeneratedRegex(@"Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n(?<body>(?:[A-Za-z0-9+/=]+\r?\n)+)", RegexOptions.IgnoreCase)]
    private static partial Regex Base64Part();

    [GeneratedRegex(@"Content-Transfer-Encoding: quoted-printable\r?\n(?:[^\r\n]+\r?\n)*\r?\n(?<body>(?:.*\r?\n)*?)(?=--|\z)", RegexOptions.IgnoreCase)]
    private static partial Regex QuotedPrintablePart();
}
