using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Security.Cryptography;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ClinicPortal.Infrastructure.Email;

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);
