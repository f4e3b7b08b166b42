using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CallCenter.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCallLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "agents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    extension = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    phone_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    company = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    asterisk_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    call_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    caller_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    caller_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    dialed_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    agent_extension = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    agent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ring_seconds = table.Column<double>(type: "double precision", nullable: true),
                    talk_seconds = table.Column<double>(type: "double precision", nullable: true),
                    duration_seconds = table.Column<double>(type: "double precision", nullable: true),
                    hangup_cause = table.Column<int>(type: "integer", nullable: true),
                    hangup_cause_text = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    hangup_by = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    transfer_count = table.Column<int>(type: "integer", nullable: false),
                    hold_count = table.Column<int>(type: "integer", nullable: false),
                    hold_seconds = table.Column<double>(type: "double precision", nullable: false),
                    recording_name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    reconciled = table.Column<bool>(type: "boolean", nullable: false),
                    last_stream_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    last_event_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calls", x => x.id);
                    table.ForeignKey(
                        name: "fk_calls_agents_agent_id",
                        column: x => x.agent_id,
                        principalTable: "agents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_calls_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "call_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    stream_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    channel_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    details = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_call_events_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "call_legs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    channel_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    endpoint = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    caller_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    caller_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    dialed_extension = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    context = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    stasis_direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    state_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hangup_requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    end_reconciled = table.Column<bool>(type: "boolean", nullable: false),
                    hangup_cause = table.Column<int>(type: "integer", nullable: true),
                    hangup_cause_text = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    dial_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    first_bridged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hold_count = table.Column<int>(type: "integer", nullable: false),
                    hold_seconds = table.Column<double>(type: "double precision", nullable: false),
                    hold_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_event_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_legs", x => x.id);
                    table.ForeignKey(
                        name: "fk_call_legs_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recordings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    asterisk_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    container_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    blob_name = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    content_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    size_bytes = table.Column<long>(type: "bigint", nullable: true),
                    duration_seconds = table.Column<double>(type: "double precision", nullable: true),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    source_deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    leased_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recordings", x => x.id);
                    table.ForeignKey(
                        name: "fk_recordings_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agents_extension",
                table: "agents",
                column: "extension",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_call_events_call_id_occurred_at",
                table: "call_events",
                columns: new[] { "call_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_call_events_event_id",
                table: "call_events",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_call_legs_call_id_channel_id",
                table: "call_legs",
                columns: new[] { "call_id", "channel_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_call_legs_channel_id",
                table: "call_legs",
                column: "channel_id");

            migrationBuilder.CreateIndex(
                name: "ix_calls_agent_extension_started_at",
                table: "calls",
                columns: new[] { "agent_extension", "started_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_calls_agent_id_started_at",
                table: "calls",
                columns: new[] { "agent_id", "started_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_calls_asterisk_id_call_key",
                table: "calls",
                columns: new[] { "asterisk_id", "call_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_calls_caller_number_trgm",
                table: "calls",
                column: "caller_number")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_calls_contact_id_started_at",
                table: "calls",
                columns: new[] { "contact_id", "started_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_calls_dialed_number_trgm",
                table: "calls",
                column: "dialed_number")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_calls_direction_started_at",
                table: "calls",
                columns: new[] { "direction", "started_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_calls_open",
                table: "calls",
                columns: new[] { "asterisk_id", "started_at" },
                filter: "ended_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_calls_started_at_id",
                table: "calls",
                columns: new[] { "started_at", "id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_calls_status_started_at",
                table: "calls",
                columns: new[] { "status", "started_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_phone_number",
                table: "contacts",
                column: "phone_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recordings_call_id_source_name",
                table: "recordings",
                columns: new[] { "call_id", "source_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recordings_due",
                table: "recordings",
                column: "next_attempt_at",
                filter: "status IN ('pending', 'uploaded', 'failed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "call_events");

            migrationBuilder.DropTable(
                name: "call_legs");

            migrationBuilder.DropTable(
                name: "recordings");

            migrationBuilder.DropTable(
                name: "calls");

            migrationBuilder.DropTable(
                name: "agents");

            migrationBuilder.DropTable(
                name: "contacts");
        }
    }
}
