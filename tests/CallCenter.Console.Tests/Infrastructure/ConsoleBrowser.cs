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

    /// <summary>Saves a screenshot in the test run's folder, and into docs/console when CALLCENTER_UPDATE_SCREENSHOTS=1.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var file = Path.Combine(TestRun.NewDirectory("screenshots"), name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
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
