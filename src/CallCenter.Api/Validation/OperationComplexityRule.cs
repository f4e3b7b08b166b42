using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace CallCenter.Api.Validation;

/// <summary>
/// The depth and complexity limits for operations on call data. An operation that only introspects is exempt: the
/// standard introspection query is deeper (15 levels) and, by list multipliers, far more "complex" than any call
/// query while its cost is bounded by the schema's size; <see cref="IntrospectionBoundsRule"/> bounds it instead,
/// as Hot Chocolate does.
/// </summary>
public sealed class OperationComplexityRule(ComplexityOptions options) : ComplexityValidationRule(options)
{
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) =>
        context.Operation is { } operation && IntrospectionFields.IsIntrospectionOnly(context.Document, operation)
            ? default
            : base.GetPostNodeVisitorAsync(context);
}
