using CallCenter.Api.Calls;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Types;

public sealed class CallStatsBucketType : ObjectGraphType<CallStatsBucket>
{
    public CallStatsBucketType()
    {
        Name = "CallStats";
        Description = "Aggregates over the calls that started in a group. Answered = ANSWERED or COMPLETED; wait and talk averages are over answered calls; serviceLevel = answered within the threshold / (answered + missed). MISSED only: BUSY, FAILED and NO_ANSWER are not missed calls.";
        Field<NonNullGraphType<StringGraphType>>("key")
            .Description("Hour (yyyy-MM-ddTHH:00) or day (yyyy-MM-dd) in the requested time zone, the agent extension, or the direction.")
            .Resolve(c => c.Source.Key);
        Field<DateTimeOffsetGraphType>("periodStart").Resolve(c => c.Source.PeriodStart);
        Field<NonNullGraphType<IntGraphType>>("total").Resolve(c => c.Source.Total);
        Field<NonNullGraphType<IntGraphType>>("answered").Resolve(c => c.Source.Answered);
        Field<NonNullGraphType<IntGraphType>>("missed").Resolve(c => c.Source.Missed);
        Field<NonNullGraphType<IntGraphType>>("busy").Resolve(c => c.Source.Busy);
        Field<NonNullGraphType<IntGraphType>>("failed").Resolve(c => c.Source.Failed);
        Field<FloatGraphType>("averageWaitSeconds").Resolve(c => c.Source.AverageWaitSeconds);
        Field<FloatGraphType>("averageTalkSeconds").Resolve(c => c.Source.AverageTalkSeconds);
        Field<NonNullGraphType<IntGraphType>>("answeredWithinServiceLevel").Resolve(c => c.Source.AnsweredWithinServiceLevel);
        Field<FloatGraphType>("serviceLevel").Description("0..1; null when no call was answered or missed.").Resolve(c => c.Source.ServiceLevel);
    }
}
