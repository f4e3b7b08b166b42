using CallCenter.Data;
using Npgsql;

namespace CallCenter.Persistence.Consumption;

/// <summary>Links calls to the contact with the customer's number (the caller of an inbound call, the dialled number of an outbound one).</summary>
internal static class ContactMatcher
{
    public static async Task MatchAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<Call> calls, CancellationToken cancellationToken)
    {
        var wanted = calls
            .Where(c => c.ContactId is null)
            .Select(c => (Call: c, Number: PhoneNumbers.Normalize(c.Direction == CallDirection.Inbound ? c.CallerNumber : c.Direction == CallDirection.Outbound ? c.DialedNumber : null)))
            .Where(p => p.Number is not null)
            .ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var contacts = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT phone_number, id FROM contacts WHERE phone_number = ANY($1)", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. wanted.Select(p => p.Number!).Distinct()] });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                contacts[reader.GetString(0)] = reader.GetGuid(1);
            }
        }

        foreach (var (call, number) in wanted)
        {
            if (contacts.TryGetValue(number!, out var contactId))
            {
                call.ContactId = contactId;
            }
        }
    }
}
