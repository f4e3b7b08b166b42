using Spectre.Console;

namespace CallCenter.AppHost.Hosting.Output;

/// <summary>
/// One console for every resource: each line is prefixed with the resource that wrote it (colored on a
/// terminal), lines never interleave, and the AppHost's own progress and notices stand out. Every line
/// is also appended to `.callcenter/logs/apphost.log`.
/// </summary>
internal sealed class ConsoleOutput : IDisposable
{
    public const string AppHostSource = "apphost";

    private static readonly string[] Palette = ["aqua", "green", "yellow", "fuchsia", "blue", "olive", "teal", "purple", "lime", "silver"];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _colors = new(StringComparer.Ordinal);
    private readonly IAnsiConsole _console;
    private StreamWriter? _file;
    private int _prefixWidth = 11;

    public ConsoleOutput(IAnsiConsole? console = null)
    {
        _console = console ?? AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
        });
        if (Console.IsOutputRedirected)
        {
            // Tools and tests read the output: wide enough that the ready table never wraps a URL.
            _console.Profile.Width = 240;
        }
    }

    public IAnsiConsole Ansi => _console;

    /// <summary>Also keep a copy of everything in a file (from the moment the data folder exists).</summary>
    public void AttachLogFile(string path)
    {
        lock (_gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            _file = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        }
    }

    /// <summary>Registers the resource names up front so that prefixes line up and colors stay stable.</summary>
    public void RegisterSources(IEnumerable<string> names)
    {
        lock (_gate)
        {
            foreach (var name in names)
            {
                ColorOf(name);
                _prefixWidth = Math.Max(_prefixWidth, name.Length);
            }
        }
    }

    /// <summary>A line a resource printed (the sink given to every process).</summary>
    public void Log(string source, string line) => Write(source, Markup.Escape(line), line);

    public void Info(string message) => Write(AppHostSource, $"[bold]{Markup.Escape(message)}[/]", message);

    public void Success(string message) => Write(AppHostSource, $"[bold green]{Markup.Escape(message)}[/]", message);

    public void Warn(string message) => Write(AppHostSource, $"[bold yellow]{Markup.Escape(message)}[/]", message);

    public void Error(string message) => Write(AppHostSource, $"[bold red]{Markup.Escape(message)}[/]", message);

    /// <summary>Renders a block (the ready table) without any resource line cutting through it.</summary>
    public void Render(Spectre.Console.Rendering.IRenderable renderable, string plainText)
    {
        lock (_gate)
        {
            _console.Write(renderable);
            _file?.WriteLine(plainText);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
        }
    }

    private void Write(string source, string markup, string plain)
    {
        lock (_gate)
        {
            var prefix = source.PadRight(_prefixWidth);
            try
            {
                _console.MarkupLine($"[{ColorOf(source)}]{Markup.Escape(prefix)} |[/] {markup}");
            }
            catch (IOException)
            {
                // The terminal went away (closed pipe): keep running, the file still gets it.
            }

            _file?.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {prefix} | {plain}");
        }
    }

    private string ColorOf(string source)
    {
        if (source == AppHostSource)
        {
            return "white";
        }

        if (!_colors.TryGetValue(source, out var color))
        {
            color = Palette[_colors.Count % Palette.Length];
            _colors[source] = color;
        }

        return color;
    }
}
