using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ClinicPortal.Infrastructure.Sqlite;

namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>
/// ASP.NET Core Identity's tables in clinic.db. The schema is created by the numbered scripts of
/// SchemaMigrator (EF Core's design-time tools do not restore here), not by EF migrations.
/// </summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options)
    : IdentityDbContext<ClinicUser, IdentityRole<Guid>, Guid>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ClinicUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        });
    }
}
