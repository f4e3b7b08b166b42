using GraphQLParser.AST;

namespace CallCenter.Api.Transport;

/// <summary>A request's document parsed ahead of execution, so the transport can apply per-operation-type rules (no mutations over GET).</summary>
internal sealed record ParsedOperation(GraphQLDocument Document, OperationType? OperationType)
{
    /// <summary>Parses the query; returns null when it does not parse (execution then reports the syntax error).</summary>
    public static ParsedOperation? TryParse(string? query, string? operationName)
    {
        if (string.IsNullOrEmpty(query))
        {
            return null;
        }

        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(query);
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException)
        {
            return null;
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = string.IsNullOrEmpty(operationName)
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(o => o.Name is not null && o.Name.StringValue == operationName);
        return new ParsedOperation(document, operation?.Operation);
    }
}
