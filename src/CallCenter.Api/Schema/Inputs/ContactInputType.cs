using GraphQL.Types;

namespace CallCenter.Api.Schema.Inputs;

public sealed class ContactInputType : InputObjectGraphType<ContactInput>
{
    public ContactInputType()
    {
        Name = "ContactInput";
        Field<NonNullGraphType<StringGraphType>>("phoneNumber").Description("Any formatting; stored as digits.");
        Field<StringGraphType>("name");
        Field<StringGraphType>("company");
    }
}
