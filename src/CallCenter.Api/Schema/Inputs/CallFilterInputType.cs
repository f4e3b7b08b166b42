using CallCenter.Api.Calls;
using CallCenter.Api.Schema.Enums;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Inputs;

public sealed class CallFilterInputType : InputObjectGraphType<CallFilter>
{
    public CallFilterInputType()
    {
        Name = "CallFilter";
        Field<DateTimeOffsetGraphType>("from").Description("Started at or after.");
        Field<DateTimeOffsetGraphType>("until").Description("Started before.");
        Field<ListGraphType<NonNullGraphType<CallDirectionType>>>("direction");
        Field<ListGraphType<NonNullGraphType<CallStatusType>>>("status");
        Field<StringGraphType>("number").Description("Digits found anywhere in the caller or dialed number.");
        Field<IdGraphType>("agentId");
        Field<StringGraphType>("extension").Description("The agent's extension.");
        Field<BooleanGraphType>("hasRecording");
        Field<FloatGraphType>("minDurationSeconds");
        Field<IdGraphType>("contactId");
        Field<StringGraphType>("company").Description("Part of the identified contact's company.");
    }
}
