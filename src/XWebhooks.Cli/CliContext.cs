namespace XWebhooks.Cli;

/// <summary>Where a command writes and what it reads from its environment; tests pass their own.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, Func<string, string?>? environment = null, bool isTerminal = false)
{
    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = output;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Whether <see cref="Out"/> is an interactive terminal (progress lines are then overwritten with <c>\r</c>).</summary>
    public bool IsTerminal { get; } = isTerminal;

    /// <summary>Reads an environment variable.</summary>
    public string? GetEnvironmentVariable(string name) => (environment ?? Environment.GetEnvironmentVariable)(name);

    /// <summary>The process console.</summary>
    public static CliContext FromConsole() => new(Console.Out, Console.Error, null, !Console.IsOutputRedirected);
}

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>A check failed, or the receiver answered something other than 200.</summary>
    public const int Failed = 1;

    /// <summary>Bad input: a bad URL, a missing secret, an unknown event, a missing or non-JSON file.</summary>
    public const int BadInput = 2;
}

/// <summary>Bad input from the user: the message is printed and the exit code is <see cref="ExitCodes.BadInput"/>.</summary>
internal sealed class UsageException(string message) : Exception(message);
