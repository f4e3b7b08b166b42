using CallCenter.Testing;
using Microsoft.Playwright;

namespace CallCenter.Console.Tests.Infrastructure;

/// <summary>Headless Debian Chromium driven by Playwright (no browser download), one page per test.</summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>The Debian binary itself: /usr/bin/chromium is a wrapper script.</summary>
    public static string ExecutablePath =>
        File.Exists("/usr/lib/chromium/chromium") ? "/usr/lib/chromium/chromium" : "/usr/bin/chromium";

    /// <summary>A browser at 1280×800 in the light theme unless a viewport (a phone's) or the dark scheme is asked for.</summary>
    public static async Task<ConsoleBrowser> StartAsync(Uri baseAddress, ViewportSize? viewport = null, ColorScheme colorScheme = ColorScheme.Light)
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                // Tests run as root in CI, where Chromium's sandbox cannot start.
                Args = ["--no-sandbox", "--autoplay-policy=no-user-gesture-required"],
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = baseAddress.AbsoluteUri,
                ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
                ColorScheme = colorScheme,
                // Date inputs and presets are read in the browser's zone: UTC, like the seeded call log.
                TimezoneId = "UTC",
            });
            context.SetDefaultTimeout(30_000);
            var page = await context.NewPageAsync();
            page.Console += (_, message) => TestRun.Log("browser", $"{message.Type}: {message.Text}");
            return new ConsoleBrowser(playwright, browser, context, page);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Opens the console signed in with <paramref name="token"/> (the AppHost's one-click link does the same).</summary>
    public async Task OpenAsync(string path, string token)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        await Page.GotoAsync($"console{path}{separator}token={Uri.EscapeDataString(token)}");
    }

    /// <summary>A second tab signed in with <paramref name="token"/> (each tab keeps its own token, as sessionStorage does).</summary>
    public async Task<IPage> OpenPageAsync(string path, string token)
    {
        var page = await Context.NewPageAsync();
        page.Console += (_, message) => TestRun.Log("browser", $"{message.Type}: {message.Text}");
        await page.GotoAsync($"console{path}?token={Uri.EscapeDataString(token)}");
        return page;
    }

    /// <summary>
    /// From the next navigation on, notes when the live board is usable: the socket is live and the board shows its
    /// calls or says there are none (performance.now(), ms since the navigation started).
    /// </summary>
    public async Task WatchBoardReadyAsync() =>
        await Page.AddInitScriptAsync(
            """
            window.__readyAt = null;
            document.addEventListener('DOMContentLoaded', () => {
              const check = () => {
                if (window.__readyAt === null
                    && document.querySelector('[data-testid="connection"][data-state="connected"]')
                    && document.querySelector('.empty, [data-testid="live-table"]')) window.__readyAt = performance.now();
              };
              new MutationObserver(check).observe(document.body, { childList: true, subtree: true, attributes: true });
            });
            """);

    /// <summary>
    /// How long the page took to load (the browser's navigation timing) and to be usable (see
    /// <see cref="WatchBoardReadyAsync"/>), in milliseconds since the navigation started.
    /// </summary>
    public async Task<ConsoleLoadTiming> LoadTimingAsync()
    {
        var timing = await Page.EvaluateAsync<System.Text.Json.JsonElement>(
            """
            () => {
              const navigation = performance.getEntriesByType('navigation')[0];
              const resources = performance.getEntriesByType('resource');
              return {
                domContentLoadedMs: navigation.domContentLoadedEventEnd,
                loadMs: navigation.loadEventEnd,
                readyMs: window.__readyAt ?? -1,
                transferredBytes: resources.reduce((sum, r) => sum + (r.transferSize || 0), navigation.transferSize || 0),
              };
            }
            """);
        return new ConsoleLoadTiming(
            timing.GetProperty("domContentLoadedMs").GetDouble(), timing.GetProperty("loadMs").GetDouble(),
            timing.GetProperty("readyMs").GetDouble(), timing.GetProperty("transferredBytes").GetDouble());
    }

    /// <summary>Notes the browser's clock (ms since the epoch) when a live-board row containing <paramref name="text"/> first appears.</summary>
    public async Task WatchForRowAsync(string text) =>
        await Page.EvaluateAsync(
            """
            (text) => {
              window.__rowSeenAt = null;
              const check = () => {
                if (window.__rowSeenAt !== null) return;
                for (const row of document.querySelectorAll('[data-testid="live-call"]')) {
                  if (row.textContent.includes(text)) { window.__rowSeenAt = Date.now(); return; }
                }
              };
              new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
            }
            """, text);

    public async Task<double?> RowSeenAtAsync() => await Page.EvaluateAsync<double?>("() => window.__rowSeenAt");

    /// <summary>Saves a screenshot in the test run's folder, and into docs/console when CALLCENTER_UPDATE_SCREENSHOTS=1.</summary>
    public async Task ScreenshotAsync(string name, IPage? page = null)
    {
        var file = Path.Combine(TestRun.NewDirectory("screenshots"), name + ".png");
        await (page ?? Page).ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        if (Environment.GetEnvironmentVariable("CALLCENTER_UPDATE_SCREENSHOTS") == "1"
            && Environment.GetEnvironmentVariable("CALLCENTER_REPO_ROOT") is { Length: > 0 } repo)
        {
            var docs = Path.Combine(repo, "docs", "console");
            Directory.CreateDirectory(docs);
            File.Copy(file, Path.Combine(docs, name + ".png"), overwrite: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
