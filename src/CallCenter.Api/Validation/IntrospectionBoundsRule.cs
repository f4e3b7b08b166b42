using GraphQLParser;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace CallCenter.Api.Validation;

/// <summary>
/// Bounds introspection by its shape instead of by depth and complexity (as Hot Chocolate does): what makes an
/// introspection query expensive is re-entering the type graph through a list (<c>fields { type { fields … } }</c>),
/// deep <c>ofType</c> chains and many <c>__schema</c>/<c>__type</c> copies. The standard query of every current tool
/// enters one list per path and nests <c>ofType</c> at most 9 times.
/// </summary>
public sealed class IntrospectionBoundsRule : ValidationRuleBase
{
    public const int MaxOfTypeDepth = 16;
    public const int MaxTypeListsPerPath = 1;
    public const int MaxMetaFields = 10;
    public const int MaxSelections = 1_000;

    // __Type fields that lead back into the type graph through a list.
    private static readonly HashSet<string> TypeLists = ["fields", "inputFields", "interfaces", "possibleTypes"];

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        // Fragment cycles and unknown fragments are reported by the core rules; walk only documents without errors.
        if (!context.HasErrors && context.Operation is { } operation)
        {
            var walk = new Walk(context.Document);
            var metaFields = 0;
            foreach (var field in IntrospectionFields.RootFields(context.Document, operation.SelectionSet).Where(IntrospectionFields.IsMetaField))
            {
                var message = ++metaFields > MaxMetaFields
                    ? $"Introspection may select __schema and __type at most {MaxMetaFields} times in one operation."
                    : walk.Check(field.SelectionSet, ofTypeDepth: 0, typeLists: 0);
                if (message is not null)
                {
                    context.ReportError(new IntrospectionBoundsError(context, field, message));
                    break;
                }
            }
        }

        return default;
    }

    private sealed class Walk(GraphQLDocument document)
    {
        private int _selections;

        public string? Check(GraphQLSelectionSet? selectionSet, int ofTypeDepth, int typeLists)
        {
            if (selectionSet is null)
            {
                return null;
            }

            foreach (var selection in selectionSet.Selections)
            {
                if (++_selections > MaxSelections)
                {
                    return $"Introspection may have at most {MaxSelections} selections (fragments expanded).";
                }

                var message = selection switch
                {
                    GraphQLField field => CheckField(field, ofTypeDepth, typeLists),
                    GraphQLInlineFragment inline => Check(inline.SelectionSet, ofTypeDepth, typeLists),
                    GraphQLFragmentSpread spread => Check(document.FindFragmentDefinition(spread.FragmentName.Name.Value)?.SelectionSet, ofTypeDepth, typeLists),
                    _ => null,
                };
                if (message is not null)
                {
                    return message;
                }
            }

            return null;
        }

        private string? CheckField(GraphQLField field, int ofTypeDepth, int typeLists)
        {
            var name = field.Name.StringValue;
            if (name == "ofType" && ++ofTypeDepth > MaxOfTypeDepth)
            {
                return $"Introspection may nest 'ofType' at most {MaxOfTypeDepth} times.";
            }

            if (TypeLists.Contains(name) && ++typeLists > MaxTypeListsPerPath)
            {
                return $"Introspection may enter the type lists (fields, inputFields, interfaces, possibleTypes) only {MaxTypeListsPerPath} time(s) per path; '{name}' re-enters them.";
            }

            return Check(field.SelectionSet, ofTypeDepth, typeLists);
        }
    }
}
