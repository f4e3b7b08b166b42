using CallCenter.Api.Control;
using CallCenter.Api.Schema.Diagnostics;
using CallCenter.Api.Schema.Enums;
using CallCenter.Api.Schema.Inputs;
using CallCenter.Api.Schema.Types;
using CallCenter.Api.Security;
using CallCenter.Api.TestCalls;
using CallCenter.Ari.Rest;
using CallCenter.Data;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CallCenter.Api.Schema;

public sealed class CallCenterMutation : ObjectGraphType
{
    private static readonly string[] ControlRoles = [Roles.Agent, Roles.Supervisor, Roles.Admin];
    private static readonly string[] AdminRoles = [Roles.Admin];
    private static readonly string[] SupervisorRoles = [Roles.Supervisor, Roles.Admin];

    public CallCenterMutation()
    {
        Name = "Mutation";
        AddCallControl();
        AddAgentAdministration();
        AddContactAdministration();
        this.AddDiagnosticsMutations();
    }

    private void AddCallControl()
    {
        Field<NonNullGraphType<CallType>>("hangupCall")
            .Description("Hangs up every live channel of the call.")
            .Argument<NonNullGraphType<IdGraphType>>("callId")
            .AuthorizeWithRoles(ControlRoles)
            .ResolveAsync(async c => await Control(c).HangupAsync(c.User!, c.GetArgument<Guid>("callId"), c.CancellationToken));

        foreach (var (name, hold) in new[] { ("holdCall", true), ("unholdCall", false) })
        {
            Field<NonNullGraphType<CallType>>(name)
                .Argument<NonNullGraphType<IdGraphType>>("callId")
                .Argument<NonNullGraphType<MediaTargetType>>("party", arg => arg.DefaultValue = MediaTarget.Customer)
                .AuthorizeWithRoles(ControlRoles)
                .ResolveAsync(async c => await Control(c).HoldAsync(
                    c.User!, c.GetArgument<Guid>("callId"), c.GetArgument<MediaTarget>("party"), hold, c.CancellationToken));
        }

        foreach (var (name, mute) in new[] { ("muteCall", true), ("unmuteCall", false) })
        {
            Field<NonNullGraphType<CallType>>(name)
                .Argument<NonNullGraphType<IdGraphType>>("callId")
                .Argument<NonNullGraphType<MediaTargetType>>("party", arg => arg.DefaultValue = MediaTarget.Agent)
                .Argument<NonNullGraphType<MuteDirectionType>>("direction", arg => arg.DefaultValue = AriMediaDirection.Both)
                .AuthorizeWithRoles(ControlRoles)
                .ResolveAsync(async c => await Control(c).MuteAsync(
                    c.User!, c.GetArgument<Guid>("callId"), c.GetArgument<MediaTarget>("party"),
                    c.GetArgument<AriMediaDirection>("direction"), mute, c.CancellationToken));
        }

        Field<NonNullGraphType<CallType>>("transferCall")
            .Description("Blind transfer: the customer's channel continues to the destination (an extension or a number).")
            .Argument<NonNullGraphType<IdGraphType>>("callId")
            .Argument<NonNullGraphType<StringGraphType>>("destination")
            .AuthorizeWithRoles(ControlRoles)
            .ResolveAsync(async c => await Control(c).TransferAsync(
                c.User!, c.GetArgument<Guid>("callId"), c.GetArgument<string>("destination"), c.CancellationToken));

        Field<NonNullGraphType<OriginateResultType>>("originateCall")
            .Description("Click-to-call: rings the agent's phone, then dials the number. Agents call from their own extension.")
            .Argument<NonNullGraphType<StringGraphType>>("to")
            .Argument<StringGraphType>("fromExtension")
            .AuthorizeWithRoles(ControlRoles)
            .ResolveAsync(async c => await Control(c).OriginateAsync(
                c.User!, c.GetArgument<string?>("fromExtension"), c.GetArgument<string>("to"), c.CancellationToken));

        Field<NonNullGraphType<SimulatedCallType>>("simulateIncomingCall")
            .Description("Test call (supervisors): a call from `from` (an outside number) rings on `to` (default: the main line) through the PBX's inbound route, as if it came over the trunk. Off outside Development unless TestCalls:Enabled (error TEST_CALLS_DISABLED).")
            .Argument<NonNullGraphType<StringGraphType>>("from")
            .Argument<StringGraphType>("to")
            .AuthorizeWithRoles(SupervisorRoles)
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<TestCallService>().SimulateIncomingCallAsync(
                c.User!, c.GetArgument<string>("from"), c.GetArgument<string?>("to"), c.CancellationToken));
    }

    private void AddAgentAdministration()
    {
        Field<NonNullGraphType<AgentType>>("createAgent")
            .Argument<NonNullGraphType<AgentInputType>>("input")
            .AuthorizeWithRoles(AdminRoles)
            .ResolveAsync(async c =>
            {
                var input = Validate(c.GetArgument<AgentInput>("input"));
                await using var db = await Db(c);
                var agent = new Agent { Id = Guid.CreateVersion7(), Extension = input.Extension.Trim(), Name = input.Name.Trim(), Email = input.Email, Active = input.Active };
                db.Agents.Add(agent);
                await SaveAsync(db, "An agent with this extension already exists.", c.CancellationToken);
                return agent;
            });

        Field<NonNullGraphType<AgentType>>("updateAgent")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<AgentInputType>>("input")
            .AuthorizeWithRoles(AdminRoles)
            .ResolveAsync(async c =>
            {
                var input = Validate(c.GetArgument<AgentInput>("input"));
                await using var db = await Db(c);
                // Tracked explicitly: the API's contexts default to no tracking, and FindAsync then returns an entity
                // SaveChanges ignores (the update answered with the new values but stored nothing).
                var id = c.GetArgument<Guid>("id");
                var agent = await db.Agents.AsTracking().FirstOrDefaultAsync(a => a.Id == id, c.CancellationToken) ?? throw NotFound("Agent");
                agent.Extension = input.Extension.Trim();
                agent.Name = input.Name.Trim();
                agent.Email = input.Email;
                agent.Active = input.Active;
                await SaveAsync(db, "An agent with this extension already exists.", c.CancellationToken);
                return agent;
            });

        Field<NonNullGraphType<BooleanGraphType>>("deleteAgent")
            .Description("Deletes the agent; their past calls keep the extension but lose the link. False when there was no such agent.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AuthorizeWithRoles(AdminRoles)
            .ResolveAsync(async c =>
            {
                await using var db = await Db(c);
                var id = c.GetArgument<Guid>("id");
                return await db.Agents.Where(a => a.Id == id).ExecuteDeleteAsync(c.CancellationToken) > 0;
            });
    }

    private void AddContactAdministration()
    {
        Field<NonNullGraphType<ContactType>>("createContact")
            .Argument<NonNullGraphType<ContactInputType>>("input")
            .AuthorizeWithRoles(AdminRoles)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<ContactInput>("input");
                await using var db = await Db(c);
                var contact = new Contact { Id = Guid.CreateVersion7(), PhoneNumber = Normalize(input.PhoneNumber), Name = input.Name, Company = input.Company };
                db.Contacts.Add(contact);
                await SaveAsync(db, "A contact with this phone number already exists.", c.CancellationToken);
                return contact;
            });

        Field<NonNullGraphType<ContactType>>("updateContact")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<ContactInputType>>("input")
            .AuthorizeWithRoles(AdminRoles)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<ContactInput>("input");
                await using var db = await Db(c);
                // Tracked explicitly, as for agents above.
                var id = c.GetArgument<Guid>("id");
                var contact = await db.Contacts.AsTracking().FirstOrDefaultAsync(x => x.Id == id, c.CancellationToken) ?? throw NotFound("Contact");
                contact.PhoneNumber = Normalize(input.PhoneNumber);
                contact.Name = input.Name;
                contact.Company = input.Company;
                await SaveAsync(db, "A contact with this phone number already exists.", c.CancellationToken);
                return contact;
            });

        Field<NonNullGraphType<BooleanGraphType>>("deleteContact")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AuthorizeWithRoles(AdminRoles)
            .ResolveAsync(async c =>
            {
                await using var db = await Db(c);
                var id = c.GetArgument<Guid>("id");
                return await db.Contacts.Where(x => x.Id == id).ExecuteDeleteAsync(c.CancellationToken) > 0;
            });
    }

    private static AgentInput Validate(AgentInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Extension) || !input.Extension.Trim().All(char.IsAsciiDigit) || string.IsNullOrWhiteSpace(input.Name))
        {
            throw new ExecutionError("An agent needs a numeric extension and a name.") { Code = "BAD_USER_INPUT" };
        }

        return input;
    }

    private static string Normalize(string phoneNumber) =>
        PhoneNumbers.Normalize(phoneNumber) ?? throw new ExecutionError("The phone number has no digits.") { Code = "BAD_USER_INPUT" };

    private static async Task SaveAsync(CallCenterDbContext db, string duplicateMessage, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new ExecutionError(duplicateMessage) { Code = "CONFLICT" };
        }
    }

    private static ExecutionError NotFound(string what) => new($"{what} not found.") { Code = "NOT_FOUND" };

    private static CallControlService Control(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<CallControlService>();

    private static async Task<CallCenterDbContext> Db(IResolveFieldContext context) =>
        await context.RequestServices!.GetRequiredService<IDbContextFactory<CallCenterDbContext>>().CreateDbContextAsync(context.CancellationToken);
}
