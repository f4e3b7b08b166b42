using CallCenter.Api.Calls;
using CallCenter.Api.Options;
using CallCenter.Api.Schema.Diagnostics;
using CallCenter.Api.Schema.Enums;
using CallCenter.Api.Schema.Inputs;
using CallCenter.Api.Schema.Types;
using CallCenter.Api.Security;
using CallCenter.Data;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Schema;

public sealed class CallCenterQuery : ObjectGraphType
{
    private static readonly string[] AnyRole = [Roles.Agent, Roles.Supervisor, Roles.Admin];
    private static readonly string[] SupervisorRoles = [Roles.Supervisor, Roles.Admin];

    public CallCenterQuery()
    {
        Name = "Query";

        Field<NonNullGraphType<CallConnectionType>>("calls")
            .Description("The call log, newest first by default. Agents see their own calls.")
            .Argument<CallFilterInputType>("filter")
            .Argument<CallOrderInputType>("order")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<IntGraphType>("last")
            .Argument<StringGraphType>("before")
            .AuthorizeWithRoles(AnyRole)
            .ResolveAsync(async context =>
            {
                var order = context.GetArgument<CallOrder?>("order") ?? new CallOrder();
                var page = ReadPage(context, order.Field);
                var result = await Service<CallLogReader>(context).GetPageAsync(
                    context.User!, context.GetArgument<CallFilter?>("filter"), order, page, context.CancellationToken);
                Service<CallRelationsLoader>(context).RegisterPage(result.Calls.Select(c => c.Id));
                return result;
            });

        Field<CallType>("call")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AuthorizeWithRoles(AnyRole)
            .ResolveAsync(async context => await Service<CallLogReader>(context)
                .GetAsync(context.User!, context.GetArgument<Guid>("id"), context.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CallType>>>>("liveCalls")
            .Description("Calls in progress now (ringing or answered), oldest first; liveCallsChanged keeps it current.")
            .AuthorizeWithRoles(AnyRole)
            .ResolveAsync(async context => await Service<CallLogReader>(context).GetLiveAsync(context.User!, context.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CallStatsBucketType>>>>("callStats")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("from")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("until")
            .Argument<NonNullGraphType<CallStatsGroupingType>>("groupBy")
            .Argument<FloatGraphType>("serviceLevelSeconds", "Answered within this many seconds counts toward the service level (default 20).")
            .Argument<StringGraphType>("timeZone", "IANA time zone for HOUR and DAY groups (default UTC).")
            .Argument<BooleanGraphType>("includeTests", "Count the diagnostics probe's test calls too (default false).")
            .AuthorizeWithRoles(SupervisorRoles)
            .ResolveAsync(async context =>
            {
                var from = context.GetArgument<DateTimeOffset>("from");
                var until = context.GetArgument<DateTimeOffset>("until");
                if (until <= from || until - from > TimeSpan.FromDays(400))
                {
                    throw new ExecutionError("'until' must be after 'from' and at most 400 days later.") { Code = "BAD_USER_INPUT" };
                }

                var serviceLevel = context.GetArgument<double?>("serviceLevelSeconds") ?? 20;
                if (serviceLevel < 0)
                {
                    throw new ExecutionError("'serviceLevelSeconds' must not be negative.") { Code = "BAD_USER_INPUT" };
                }

                TimeZoneInfo zone;
                try
                {
                    zone = TimeZoneInfo.FindSystemTimeZoneById(context.GetArgument<string?>("timeZone") ?? "UTC");
                }
                catch (TimeZoneNotFoundException)
                {
                    throw new ExecutionError("Unknown time zone.") { Code = "BAD_USER_INPUT" };
                }

                return await Service<CallStatsReader>(context).GetAsync(
                    from, until, context.GetArgument<CallStatsGrouping>("groupBy"), serviceLevel, zone, context.CancellationToken,
                    includeTests: context.GetArgument<bool?>("includeTests") ?? false);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgentType>>>>("agents")
            .Argument<BooleanGraphType>("activeOnly")
            .AuthorizeWithRoles(AnyRole)
            .ResolveAsync(async context =>
            {
                var activeOnly = context.GetArgument<bool?>("activeOnly") ?? false;
                await using var db = await Service<IDbContextFactory<CallCenterDbContext>>(context).CreateDbContextAsync(context.CancellationToken);
                return await db.Agents.AsNoTracking().Where(a => !activeOnly || a.Active)
                    .OrderBy(a => a.Extension).ToListAsync(context.CancellationToken);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContactType>>>>("contacts")
            .Argument<StringGraphType>("search", "Part of the name, company or number.")
            .Argument<IntGraphType>("first", "At most this many (default and maximum: the configured page sizes).")
            .AuthorizeWithRoles(AnyRole)
            .ResolveAsync(async context =>
            {
                var limits = Service<IOptions<GraphQLServerOptions>>(context).Value;
                var first = context.GetArgument<int?>("first") ?? limits.DefaultPageSize;
                if (first < 0 || first > limits.MaxPageSize)
                {
                    throw new ExecutionError($"'first' must be between 0 and {limits.MaxPageSize}.") { Code = "BAD_USER_INPUT" };
                }

                await using var db = await Service<IDbContextFactory<CallCenterDbContext>>(context).CreateDbContextAsync(context.CancellationToken);
                var contacts = db.Contacts.AsNoTracking();
                if (context.GetArgument<string?>("search") is { Length: > 0 } search)
                {
                    var pattern = "%" + search.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
                    var digits = PhoneNumbers.Normalize(search);
                    contacts = contacts.Where(c => EF.Functions.ILike(c.Name!, pattern) || EF.Functions.ILike(c.Company!, pattern)
                        || (digits != null && c.PhoneNumber.Contains(digits)));
                }

                return await contacts.OrderBy(c => c.Name).ThenBy(c => c.Id).Take(first).ToListAsync(context.CancellationToken);
            });

        this.AddDiagnosticsQueries();
    }

    private static CallPageRequest ReadPage(IResolveFieldContext context, CallOrderField orderField)
    {
        var limits = Service<IOptions<GraphQLServerOptions>>(context).Value;
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        var after = context.GetArgument<string?>("after");
        var before = context.GetArgument<string?>("before");
        if (first is not null && last is not null)
        {
            throw BadInput("Pass either 'first' or 'last', not both.");
        }

        if (first < 0 || last < 0 || first > limits.MaxPageSize || last > limits.MaxPageSize)
        {
            throw BadInput($"Page size must be between 0 and {limits.MaxPageSize}.");
        }

        if (last is not null && after is not null)
        {
            throw BadInput("'after' goes with 'first'; use 'before' with 'last'.");
        }

        if (first is not null && before is not null)
        {
            throw BadInput("'before' goes with 'last'; use 'after' with 'first'.");
        }

        var afterCursor = Decode(after, orderField);
        var beforeCursor = Decode(before, orderField);
        if (last is null && beforeCursor is not null)
        {
            last = limits.DefaultPageSize;
        }

        if (last is null && first is null)
        {
            first = limits.DefaultPageSize;
        }

        return new CallPageRequest(last is null ? first : null, afterCursor, last, beforeCursor);
    }

    private static CallCursor? Decode(string? value, CallOrderField orderField)
    {
        if (value is null)
        {
            return null;
        }

        if (!CallCursor.TryDecode(value, out var cursor) || cursor!.Field != orderField)
        {
            throw BadInput("The cursor is malformed or belongs to a different order.");
        }

        return cursor;
    }

    private static ExecutionError BadInput(string message) => new(message) { Code = "BAD_USER_INPUT" };

    private static T Service<T>(IResolveFieldContext context) where T : notnull => context.RequestServices!.GetRequiredService<T>();
}
