using GraphQL.Validation;
using GraphQLParser.AST;

namespace CallCenter.Api.Validation;

/// <summary>An introspection query beyond <see cref="IntrospectionBoundsRule"/>'s bounds.</summary>
public sealed class IntrospectionBoundsError : ValidationError
{
    public IntrospectionBoundsError(ValidationContext context, GraphQLField node, string message)
        : base(context.Document.Source, null, message, node)
    {
        Code = "INTROSPECTION_TOO_LARGE";
    }
}
