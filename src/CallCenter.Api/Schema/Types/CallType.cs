using CallCenter.Api.Calls;
using CallCenter.Api.Schema.Enums;
using CallCenter.Data;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Schema.Types;

public sealed class CallType : ObjectGraphType<Call>
{
    public CallType()
    {
        Name = "Call";
        Description = "One customer conversation across all of its channels (Asterisk linkedid).";

        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<CallDirectionType>>("direction").Resolve(c => c.Source.Direction);
        Field<NonNullGraphType<CallStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<BooleanGraphType>>("isLive").Resolve(c => CallLogReader.IsLive(c.Source));
        Field<StringGraphType>("callerNumber").Resolve(c => c.Source.CallerNumber);
        Field<StringGraphType>("callerName").Resolve(c => c.Source.CallerName);
        Field<StringGraphType>("dialedNumber").Resolve(c => c.Source.DialedNumber);
        Field<StringGraphType>("agentExtension").Resolve(c => c.Source.AgentExtension);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startedAt").Resolve(c => c.Source.StartedAt);
        Field<DateTimeOffsetGraphType>("answeredAt").Resolve(c => c.Source.AnsweredAt);
        Field<DateTimeOffsetGraphType>("endedAt").Resolve(c => c.Source.EndedAt);
        Field<FloatGraphType>("ringSeconds").Description("Wait before answer (or until the end when never answered).").Resolve(c => c.Source.RingSeconds);
        Field<FloatGraphType>("talkSeconds").Resolve(c => c.Source.TalkSeconds);
        Field<FloatGraphType>("durationSeconds").Resolve(c => c.Source.DurationSeconds);
        Field<IntGraphType>("hangupCause").Description("Q.850 cause of the caller's channel; for an OUTBOUND call nobody answered, of the dialled (trunk) leg: the network's answer (1 unallocated number, 17 busy, 34 congestion, ...).").Resolve(c => c.Source.HangupCause);
        Field<StringGraphType>("hangupCauseText").Resolve(c => c.Source.HangupCauseText);
        Field<HangupSideType>("hangupBy").Resolve(c => c.Source.HangupBy);
        Field<NonNullGraphType<IntGraphType>>("transferCount").Resolve(c => c.Source.TransferCount);
        Field<NonNullGraphType<IntGraphType>>("holdCount").Resolve(c => c.Source.HoldCount);
        Field<NonNullGraphType<FloatGraphType>>("holdSeconds").Resolve(c => c.Source.HoldSeconds);
        Field<NonNullGraphType<BooleanGraphType>>("reconciled")
            .Description("Closed from a snapshot after an outage; the end time is the best known.")
            .Resolve(c => c.Source.Reconciled);
        Field<NonNullGraphType<BooleanGraphType>>("isTest")
            .Description("A synthetic call of the diagnostics probe (runCallPathProbe); left out of callStats by default.")
            .Resolve(c => c.Source.IsTest || CallCenter.Contracts.Diagnostics.ProbeCalls.IsProbe(c.Source.CallKey));
        Field<NonNullGraphType<LongGraphType>>("version").Description("Increments with every committed change.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);

        Field<AgentType>("agent").Resolve(c => c.Source.Agent);
        Field<ContactType>("contact").Description("The identified outside party.").Resolve(c => c.Source.Contact);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CallEventType>>>>("events")
            .Description("The call's timeline, oldest first.")
            .WithComplexityImpact(10)
            .ResolveAsync(async c => await Loader(c).GetEventsAsync(c.Source.Id, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CallLegType>>>>("legs")
            .WithComplexityImpact(5)
            .ResolveAsync(async c => await Loader(c).GetLegsAsync(c.Source.Id, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordingType>>>>("recordings")
            .WithComplexityImpact(5)
            .ResolveAsync(async c => await Loader(c).GetRecordingsAsync(c.Source.Id, c.CancellationToken));
        Field<RecordingType>("recording")
            .Description("The call's recording: the newest stored one, else the newest in progress.")
            .WithComplexityImpact(5)
            .ResolveAsync(async c =>
            {
                var recordings = await Loader(c).GetRecordingsAsync(c.Source.Id, c.CancellationToken);
                return recordings.LastOrDefault(r => r.Status is RecordingStatus.Uploaded or RecordingStatus.Completed)
                    ?? (recordings.Count > 0 ? recordings[^1] : null);
            });
    }

    private static CallRelationsLoader Loader(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<CallRelationsLoader>();
}
