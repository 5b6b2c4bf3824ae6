using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>What Identity's refusals say to a person: the practice's words instead of the framework's.</summary>
public sealed class ClinicIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = string.Format(Resources.AccountTexts.Error_PasswordTooShort, length) };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = Resources.AccountTexts.Error_PasswordRequiresDigit };

    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = Resources.AccountTexts.Error_PasswordRequiresUpper };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = Resources.AccountTexts.Error_PasswordRequiresLower };

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = Resources.AccountTexts.Error_PasswordRequiresNonAlphanumeric };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = string.Format(Resources.AccountTexts.Error_PasswordRequiresUniqueChars, uniqueChars) };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = Resources.AccountTexts.Error_DuplicateEmail };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = Resources.AccountTexts.Error_DuplicateEmail };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = Resources.AccountTexts.Error_InvalidEmail };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = Resources.AccountTexts.Error_InvalidEmail };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = Resources.AccountTexts.Error_InvalidToken };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = Resources.AccountTexts.Error_PasswordMismatch };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = Resources.AccountTexts.Error_Default };
}
