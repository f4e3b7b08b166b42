using GraphQLParser;
using GraphQLParser.AST;

namespace CallCenter.Api.Validation;

/// <summary>Which root selections are introspection, following fragments (the document has passed the core validation rules).</summary>
internal static class IntrospectionFields
{
    public const string Schema = "__schema";
    public const string Type = "__type";
    public const string TypeName = "__typename";

    public static bool IsMetaField(GraphQLField field) =>
        field.Name.Value.Span is Schema or Type;

    /// <summary>True when every root field of the operation is __schema, __type or __typename.</summary>
    public static bool IsIntrospectionOnly(GraphQLDocument document, GraphQLOperationDefinition operation) =>
        RootFields(document, operation.SelectionSet).All(field => field.Name.Value.Span is Schema or Type or TypeName);

    /// <summary>The operation's root fields, with fragment spreads and inline fragments expanded.</summary>
    public static IEnumerable<GraphQLField> RootFields(GraphQLDocument document, GraphQLSelectionSet selectionSet)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    yield return field;
                    break;
                case GraphQLInlineFragment inline:
                    foreach (var field in RootFields(document, inline.SelectionSet))
                    {
                        yield return field;
                    }

                    break;
                case GraphQLFragmentSpread spread when document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } fragment:
                    foreach (var field in RootFields(document, fragment.SelectionSet))
                    {
                        yield return field;
                    }

                    break;
            }
        }
    }
}
