using CallCenter.Data;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Types;

public sealed class ContactType : ObjectGraphType<Contact>
{
    public ContactType()
    {
        Name = "Contact";
        Description = "A known outside number, used to identify callers.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("phoneNumber").Description("Digits only.").Resolve(c => c.Source.PhoneNumber);
        Field<StringGraphType>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("company").Resolve(c => c.Source.Company);
    }
}
