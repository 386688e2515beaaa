namespace XWebhooks.Cli.Tests;

/// <summary>Runs the tool in-process and captures what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, name => environment is not null && environment.TryGetValue(name, out var value) ? value : null);
        var exitCode = await Program.InvokeAsync(args, context);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(null, args);

    public override string ToString() => $"exit {ExitCode}\n--- out ---\n{Out}\n--- err ---\n{Error}";
}
