using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CallCenter.Data;

/// <summary>The call log. Table and column names are snake_case; enums are stored as lowercase text.</summary>
public sealed class CallCenterDbContext(DbContextOptions<CallCenterDbContext> options) : DbContext(options)
{
    public DbSet<Call> Calls => Set<Call>();

    public DbSet<CallLeg> CallLegs => Set<CallLeg>();

    public DbSet<CallEvent> CallEvents => Set<CallEvent>();

    public DbSet<Agent> Agents => Set<Agent>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Recording> Recordings => Set<Recording>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Partial number search ("…4567") uses trigram GIN indexes.
        modelBuilder.HasPostgresExtension("pg_trgm");

        modelBuilder.Entity<Call>(call =>
        {
            call.ToTable("calls");
            call.Property(c => c.Id).ValueGeneratedNever();
            call.Property(c => c.AsteriskId).HasMaxLength(64);
            call.Property(c => c.CallKey).HasMaxLength(64);
            call.Property(c => c.Direction).HasConversion(LowercaseEnum<CallDirection>()).HasMaxLength(16);
            call.Property(c => c.Status).HasConversion(LowercaseEnum<CallStatus>()).HasMaxLength(16);
            call.Property(c => c.HangupBy).HasConversion(LowercaseEnum<HangupSide>()).HasMaxLength(16);
            call.Property(c => c.CallerNumber).HasMaxLength(64);
            call.Property(c => c.CallerName).HasMaxLength(256);
            call.Property(c => c.DialedNumber).HasMaxLength(64);
            call.Property(c => c.AgentExtension).HasMaxLength(64);
            call.Property(c => c.HangupCauseText).HasMaxLength(128);
            call.Property(c => c.RecordingName).HasMaxLength(512);
            call.Property(c => c.LastStreamId).HasMaxLength(32);
            call.Property(c => c.Version).IsConcurrencyToken();
            // Must match CallCenter.Contracts.Diagnostics.ProbeCalls.ChannelIdPrefix (the probe's channels and call key).
            call.Property(c => c.IsTest).HasComputedColumnSql("call_key LIKE 'cc-probe-%'", stored: true);

            call.HasIndex(c => new { c.AsteriskId, c.CallKey }).IsUnique();
            // History list: newest first with keyset pagination on (started_at, id).
            call.HasIndex(c => new { c.StartedAt, c.Id }).IsDescending(true, true);
            call.HasIndex(c => new { c.Status, c.StartedAt }).IsDescending(false, true);
            call.HasIndex(c => new { c.Direction, c.StartedAt }).IsDescending(false, true);
            call.HasIndex(c => new { c.AgentId, c.StartedAt }).IsDescending(false, true);
            call.HasIndex(c => new { c.AgentExtension, c.StartedAt }).IsDescending(false, true);
            call.HasIndex(c => new { c.ContactId, c.StartedAt }).IsDescending(false, true);
            call.HasIndex(c => c.CallerNumber).HasMethod("gin").HasOperators("gin_trgm_ops")
                .HasDatabaseName("ix_calls_caller_number_trgm");
            call.HasIndex(c => c.DialedNumber).HasMethod("gin").HasOperators("gin_trgm_ops")
                .HasDatabaseName("ix_calls_dialed_number_trgm");
            // Live calls (and snapshot reconciliation) only ever look at the few unfinished rows.
            call.HasIndex(c => new { c.AsteriskId, c.StartedAt }).HasFilter("ended_at IS NULL")
                .HasDatabaseName("ix_calls_open");

            call.HasOne(c => c.Agent).WithMany().HasForeignKey(c => c.AgentId).OnDelete(DeleteBehavior.SetNull);
            call.HasOne(c => c.Contact).WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.SetNull);
            call.HasMany(c => c.Legs).WithOne(l => l.Call).HasForeignKey(l => l.CallId).OnDelete(DeleteBehavior.Cascade);
            call.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CallId).OnDelete(DeleteBehavior.Cascade);
            call.HasMany(c => c.Recordings).WithOne(r => r.Call).HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CallLeg>(leg =>
        {
            leg.ToTable("call_legs");
            leg.Property(l => l.Id).ValueGeneratedNever();
            leg.Property(l => l.ChannelId).HasMaxLength(128);
            leg.Property(l => l.ChannelName).HasMaxLength(256);
            leg.Property(l => l.Endpoint).HasMaxLength(256);
            leg.Property(l => l.CallerNumber).HasMaxLength(64);
            leg.Property(l => l.CallerName).HasMaxLength(256);
            leg.Property(l => l.DialedExtension).HasMaxLength(64);
            leg.Property(l => l.Context).HasMaxLength(128);
            leg.Property(l => l.StasisDirection).HasMaxLength(16);
            leg.Property(l => l.State).HasMaxLength(32);
            leg.Property(l => l.HangupCauseText).HasMaxLength(128);
            leg.Property(l => l.DialStatus).HasMaxLength(32);
            leg.HasIndex(l => new { l.CallId, l.ChannelId }).IsUnique();
            // Recording events name a channel, not a call.
            leg.HasIndex(l => l.ChannelId);
        });

        modelBuilder.Entity<CallEvent>(callEvent =>
        {
            callEvent.ToTable("call_events");
            callEvent.Property(e => e.EventId).HasMaxLength(128);
            callEvent.Property(e => e.StreamId).HasMaxLength(32);
            callEvent.Property(e => e.Type).HasMaxLength(64);
            callEvent.Property(e => e.ChannelId).HasMaxLength(128);
            callEvent.Property(e => e.Details).HasColumnType("jsonb");
            callEvent.HasIndex(e => e.EventId).IsUnique();
            callEvent.HasIndex(e => new { e.CallId, e.OccurredAt });
        });

        modelBuilder.Entity<Agent>(agent =>
        {
            agent.ToTable("agents");
            agent.Property(a => a.Id).ValueGeneratedNever();
            agent.Property(a => a.Extension).HasMaxLength(64);
            agent.Property(a => a.Name).HasMaxLength(256);
            agent.Property(a => a.Email).HasMaxLength(256);
            agent.HasIndex(a => a.Extension).IsUnique();
        });

        modelBuilder.Entity<Contact>(contact =>
        {
            contact.ToTable("contacts");
            contact.Property(c => c.Id).ValueGeneratedNever();
            contact.Property(c => c.PhoneNumber).HasMaxLength(64);
            contact.Property(c => c.Name).HasMaxLength(256);
            contact.Property(c => c.Company).HasMaxLength(256);
            contact.HasIndex(c => c.PhoneNumber).IsUnique();
        });

        modelBuilder.Entity<Recording>(recording =>
        {
            recording.ToTable("recordings");
            recording.Property(r => r.Id).ValueGeneratedNever();
            recording.Property(r => r.SourceName).HasMaxLength(512);
            recording.Property(r => r.AsteriskId).HasMaxLength(64);
            recording.Property(r => r.Status).HasConversion(LowercaseEnum<RecordingStatus>()).HasMaxLength(16);
            recording.Property(r => r.ContainerName).HasMaxLength(64);
            recording.Property(r => r.BlobName).HasMaxLength(1024);
            recording.Property(r => r.ContentType).HasMaxLength(64);
            recording.Property(r => r.Sha256).HasMaxLength(64);
            recording.HasIndex(r => new { r.CallId, r.SourceName }).IsUnique();
            // The uploader's queue: only unfinished rows.
            recording.HasIndex(r => r.NextAttemptAt).HasFilter("status IN ('pending', 'uploaded', 'failed')")
                .HasDatabaseName("ix_recordings_due");
        });

        ApplySnakeCaseNames(modelBuilder);
    }

    private static ValueConverter<TEnum, string> LowercaseEnum<TEnum>() where TEnum : struct, Enum =>
        new(value => value.ToString().ToLowerInvariant(), text => Enum.Parse<TEnum>(text, true));

    private static void ApplySnakeCaseNames(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(ToSnakeCase(key.GetName()!));
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(ToSnakeCase(foreignKey.GetConstraintName()!));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(ToSnakeCase(index.GetDatabaseName()!));
            }
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var character = name[i];
            if (char.IsUpper(character))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(character));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }
}
