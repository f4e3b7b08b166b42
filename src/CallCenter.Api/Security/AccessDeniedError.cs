using GraphQL.Validation;
using GraphQLParser.AST;

namespace CallCenter.Api.Security;

/// <summary>The user's roles do not allow a selected field.</summary>
public sealed class AccessDeniedError : ValidationError
{
    public AccessDeniedError(ValidationContext context, GraphQLField node, string fieldName, IEnumerable<string> roles)
        : base(context.Document.Source, null, $"Access to '{fieldName}' requires one of the roles: {string.Join(", ", roles)}.", node)
    {
        Code = "FORBIDDEN";
    }
}
