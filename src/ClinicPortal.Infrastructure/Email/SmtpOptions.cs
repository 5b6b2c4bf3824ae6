using MailKit.Security;

namespace ClinicPortal.Infrastructure.Email;

public sealed class SmtpOptions
{
    /// <summary>No host: messages are written as .eml files to the pickup folder under Data:Directory.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>Set a user to authenticate; without one the server is used unauthenticated.</summary>
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>Auto: TLS on connect for port 465, STARTTLS where the server offers it, plain otherwise.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>How many messages go at once, each over its own connection kept open between messages.</summary>
    public int Connections { get; set; } = 4;
}
