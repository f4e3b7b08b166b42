using GraphQL;
using GraphQL.Introspection;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Introspection;

/// <summary>
/// Makes graphql-dotnet answer every variant of graphql-js's getIntrospectionQuery() (the query GraphiQL, Apollo and
/// graphql-codegen send): graphql-dotnet 8 lacks <c>__Directive.args(includeDeprecated:)</c> and
/// <c>__Type.specifiedByURL</c>, which the <c>inputValueDeprecation</c> and <c>specifiedByUrl</c> options ask for.
/// </summary>
internal static class StandardIntrospection
{
    private const string IncludeDeprecated = "includeDeprecated";

    /// <summary>Switches on the introspection fields of the current specification draft; call before initialization.</summary>
    public static void EnableFeatures(ISchema schema)
    {
        schema.Features.RepeatableDirectives = true;
        schema.Features.DeprecationOfInputValues = true;
    }

    /// <summary>Adds the missing fields to the introspection types as the schema initializes them.</summary>
    public static void Complete(IGraphType graphType)
    {
        switch (graphType)
        {
            case __Directive directive:
                AddIncludeDeprecatedToDirectiveArgs(directive);
                break;
            case __Type type when type.GetField("specifiedByURL") is null:
                type.AddField(new FieldType
                {
                    Name = "specifiedByURL",
                    Type = typeof(StringGraphType),
                    // No scalar of this schema is specified by an external document (@specifiedBy).
                    Resolver = new FuncFieldResolver<object?>(_ => null),
                });
                break;
        }
    }

    private static void AddIncludeDeprecatedToDirectiveArgs(__Directive directive)
    {
        var args = directive.GetField("args")!;
        if (args.Arguments?.Find(IncludeDeprecated) is not null)
        {
            return;
        }

        args.Arguments ??= new QueryArguments();
        args.Arguments.Add(new QueryArgument<BooleanGraphType> { Name = IncludeDeprecated, DefaultValue = false });
        args.Resolver = new FuncFieldResolver<Directive, IEnumerable<QueryArgument>>(context =>
        {
            var includeDeprecated = context.GetArgument<bool>(IncludeDeprecated);
            return context.Source.Arguments?.Where(argument => includeDeprecated || string.IsNullOrWhiteSpace(argument.DeprecationReason)) ?? [];
        });
    }
}
