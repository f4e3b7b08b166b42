using CallCenter.Data;
using Npgsql;

namespace CallCenter.Persistence.Consumption;

/// <summary>Reads a call or a leg from a row selected with <see cref="CallColumns"/>' list, by position.</summary>
internal static class CallRowReader
{
    public static Call ReadCall(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        AsteriskId = r.GetString(1),
        CallKey = r.GetString(2),
        Direction = Enum.Parse<CallDirection>(r.GetString(3), ignoreCase: true),
        Status = Enum.Parse<CallStatus>(r.GetString(4), ignoreCase: true),
        CallerNumber = StringOrNull(r, 5),
        CallerName = StringOrNull(r, 6),
        DialedNumber = StringOrNull(r, 7),
        AgentExtension = StringOrNull(r, 8),
        AgentId = r.IsDBNull(9) ? null : r.GetGuid(9),
        ContactId = r.IsDBNull(10) ? null : r.GetGuid(10),
        StartedAt = r.GetFieldValue<DateTimeOffset>(11),
        AnsweredAt = TimestampOrNull(r, 12),
        EndedAt = TimestampOrNull(r, 13),
        RingSeconds = r.IsDBNull(14) ? null : r.GetDouble(14),
        TalkSeconds = r.IsDBNull(15) ? null : r.GetDouble(15),
        DurationSeconds = r.IsDBNull(16) ? null : r.GetDouble(16),
        HangupCause = r.IsDBNull(17) ? null : r.GetInt32(17),
        HangupCauseText = StringOrNull(r, 18),
        HangupBy = r.IsDBNull(19) ? null : Enum.Parse<HangupSide>(r.GetString(19), ignoreCase: true),
        TransferCount = r.GetInt32(20),
        HoldCount = r.GetInt32(21),
        HoldSeconds = r.GetDouble(22),
        RecordingName = StringOrNull(r, 23),
        Reconciled = r.GetBoolean(24),
        LastStreamId = StringOrNull(r, 25),
        LastEventAt = TimestampOrNull(r, 26),
        Version = r.GetInt64(27),
        UpdatedAt = r.GetFieldValue<DateTimeOffset>(28),
    };

    public static CallLeg ReadLeg(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        CallId = r.GetGuid(1),
        ChannelId = r.GetString(2),
        ChannelName = r.GetString(3),
        Endpoint = StringOrNull(r, 4),
        CallerNumber = StringOrNull(r, 5),
        CallerName = StringOrNull(r, 6),
        DialedExtension = StringOrNull(r, 7),
        Context = StringOrNull(r, 8),
        StasisDirection = StringOrNull(r, 9),
        State = StringOrNull(r, 10),
        StateAt = TimestampOrNull(r, 11),
        CreatedAt = r.GetFieldValue<DateTimeOffset>(12),
        AnsweredAt = TimestampOrNull(r, 13),
        HangupRequestedAt = TimestampOrNull(r, 14),
        EndedAt = TimestampOrNull(r, 15),
        EndReconciled = r.GetBoolean(16),
        HangupCause = r.IsDBNull(17) ? null : r.GetInt32(17),
        HangupCauseText = StringOrNull(r, 18),
        DialStatus = StringOrNull(r, 19),
        FirstBridgedAt = TimestampOrNull(r, 20),
        HoldCount = r.GetInt32(21),
        HoldSeconds = r.GetDouble(22),
        HoldStartedAt = TimestampOrNull(r, 23),
        LastEventAt = TimestampOrNull(r, 24),
    };

    private static string? StringOrNull(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static DateTimeOffset? TimestampOrNull(NpgsqlDataReader r, int ordinal) =>
        r.IsDBNull(ordinal) ? null : r.GetFieldValue<DateTimeOffset>(ordinal);
}
