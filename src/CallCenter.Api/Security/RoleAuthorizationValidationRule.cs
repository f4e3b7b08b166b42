using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace CallCenter.Api.Security;

/// <summary>
/// Rejects a document before execution when it selects a field whose roles (AuthorizeWithRoles metadata) the user
/// has none of. Row-level rules (an agent sees only their calls) are applied by the resolvers.
/// </summary>
public sealed class RoleAuthorizationValidationRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLField>((field, validationContext) =>
        {
            var definition = validationContext.TypeInfo.GetFieldDef();
            if (definition?.GetRoles() is not { Count: > 0 } roles)
            {
                return;
            }

            var user = validationContext.User;
            if (user is null || !roles.Any(user.IsInRole))
            {
                validationContext.ReportError(new AccessDeniedError(validationContext, field, definition.Name, roles));
            }
        }));
}
