using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Console.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallCenter.Console.Tests;

/// <summary>The contacts screen (search, create, edit, delete) and "save the caller as a contact" from a call.</summary>
[Collection(ApiCollection.Name)]
public sealed class ContactsTests(ApiFixture fixture)
{
    static ContactsTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task An_admin_searches_creates_edits_and_deletes_contacts()
    {
        await using var browser = await ConsoleBrowser.StartAsync(fixture.Api.BaseAddress);
        var page = browser.Page;
        await browser.OpenAsync("/contacts", fixture.Tokens.Admin());
        await Expect(Row(page, fixture.Seed.Acme.PhoneNumber)).ToContainTextAsync("Ali Valiyev");

        await page.GetByRole(AriaRole.Searchbox, new PageGetByRoleOptions { Name = "Search" }).FillAsync("Globex");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q=Globex"));
        await Expect(page.GetByTestId("contact-row")).ToHaveCountAsync(1);
        await Expect(Row(page, fixture.Seed.Globex.PhoneNumber)).ToContainTextAsync("Sara Karimova");

        // Create, with the number typed as people write it: stored as digits.
        var digits = ConsoleSeed.NewNumber();
        var typed = $"+{digits[..3]} {digits[3..5]} {digits[5..8]}-{digits[8..]}";
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "New contact" }).ClickAsync();
        await page.GetByLabel("Phone number").FillAsync(typed);
        await page.GetByLabel("Name", new PageGetByLabelOptions { Exact = true }).FillAsync("Test Contact");
        await page.GetByLabel("Company").FillAsync("Initech");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create contact" }).ClickAsync();
        await Expect(page.GetByTestId("contacts-message")).ToContainTextAsync($"Saved Test Contact ({digits})");
        await page.GetByRole(AriaRole.Searchbox, new PageGetByRoleOptions { Name = "Search" }).FillAsync(digits);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Search", Exact = true }).ClickAsync();
        await Expect(Row(page, digits)).ToContainTextAsync("Test Contact");

        // A second contact with the same number is refused with the API's reason.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "New contact" }).ClickAsync();
        await page.GetByLabel("Phone number").FillAsync(digits);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create contact" }).ClickAsync();
        await Expect(page.GetByText("A contact with this phone number already exists.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Cancel" }).ClickAsync();

        // Edit.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Edit Test Contact" }).ClickAsync();
        await Expect(page.GetByLabel("Phone number")).ToHaveValueAsync(digits);
        await page.GetByLabel("Company").FillAsync("Initrode");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save contact" }).ClickAsync();
        await Expect(Row(page, digits)).ToContainTextAsync("Initrode");
        Assert.Equal("Initrode", (await ContactAsync(digits))?["company"]?.GetValue<string>());

        // Delete, after confirming.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Delete Test Contact" }).ClickAsync();
        await Row(page, digits).GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Confirm delete" }).ClickAsync();
        await Expect(Row(page, digits)).ToHaveCountAsync(0);
        Assert.Null(await ContactAsync(digits));
    }

    [Fact]
    public async Task The_caller_of_a_call_is_saved_as_a_contact_from_the_call_detail()
    {
        var caller = ConsoleSeed.NewNumber();
        var call = ConsoleSeed.InboundCall(caller, fixture.Seed.Agent2, new DateTimeOffset(2025, 10, 1, 9, 0, 0, TimeSpan.Zero).AddMinutes(Random.Shared.Next(20_000)),
            TimeSpan.FromSeconds(45), callerName: "Jasur Toshmatov");
        await ConsoleSeed.AddAsync(fixture, call);
        try
        {
            await using var browser = await ConsoleBrowser.StartAsync(fixture.Api.BaseAddress);
            var page = browser.Page;
            await browser.OpenAsync($"/calls/{call.Id}", fixture.Tokens.Admin());
            await Expect(page.GetByTestId("call-detail")).ToContainTextAsync("Not identified");
            await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Save the caller as a contact" }).ClickAsync();

            // The form comes filled from the call.
            await Expect(page.GetByLabel("Phone number")).ToHaveValueAsync(caller);
            await Expect(page.GetByLabel("Name", new PageGetByLabelOptions { Exact = true })).ToHaveValueAsync("Jasur Toshmatov");
            await page.GetByLabel("Company").FillAsync("Walk-in");
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create contact" }).ClickAsync();
            await Expect(page.GetByTestId("contacts-message")).ToContainTextAsync($"Saved Jasur Toshmatov ({caller})");
            var saved = await ContactAsync(caller);
            Assert.Equal("Jasur Toshmatov", saved?["name"]?.GetValue<string>());
            Assert.Equal("Walk-in", saved?["company"]?.GetValue<string>());

            await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Back to the call" }).ClickAsync();
            await Expect(page.GetByTestId("call-detail")).ToBeVisibleAsync();
        }
        finally
        {
            await ConsoleSeed.RemoveAsync(fixture, call);
            if (await ContactAsync(caller) is { } contact)
            {
                await fixture.Http.DataAsync("mutation($id: ID!) { deleteContact(id: $id) }", new { id = contact["id"]!.GetValue<string>() }, fixture.Tokens.Admin());
            }
        }
    }

    private static ILocator Row(IPage page, string digits) =>
        page.Locator($"[data-testid=contact-row][data-phone='{digits}']");

    private async Task<System.Text.Json.Nodes.JsonNode?> ContactAsync(string digits)
    {
        var data = await fixture.Http.DataAsync("query($s: String) { contacts(search: $s) { id phoneNumber name company } }", new { s = digits }, fixture.Tokens.Admin());
        return data["contacts"]!.AsArray().FirstOrDefault(c => c!["phoneNumber"]!.GetValue<string>() == digits);
    }
}
