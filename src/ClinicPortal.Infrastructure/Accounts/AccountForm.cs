namespace ClinicPortal.Infrastructure.Accounts;

public enum AccountForm { SignIn, Register, ForgotPassword }
