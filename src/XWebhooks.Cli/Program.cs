using System.CommandLine;
using XWebhooks.Cli.Commands;

namespace XWebhooks.Cli;

/// <summary>The <c>xwebhooks</c> tool's entry point: the root command built from one file per command under Commands/.</summary>
internal static class Program
{
    /// <summary>Every command, in help order. Adding a command is one line here.</summary>
    internal static readonly IReadOnlyList<Func<CliContext, Command>> Commands =
    [
        CrcCommand.Create,
        EventsCommand.Create,
        SendCommand.Create,
        LoadCommand.Create,
        EmulateCommand.Create,
        TriggerCommand.Create,
    ];

    public static async Task<int> Main(string[] args)
    {
        // Ctrl+C and SIGTERM cancel the running command (emulate stops, load prints what it measured).
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = !stop.IsCancellationRequested;
            stop.Cancel();
        };
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        return await InvokeAsync(args, CliContext.FromConsole(), stop.Token).ConfigureAwait(false);
    }

    /// <summary>The root command with every command of <see cref="Commands"/>.</summary>
    internal static RootCommand CreateRootCommand(CliContext context)
    {
        var root = new RootCommand("xwebhooks: check, feed and load-test an X (Twitter) webhook receiver, or run a local X.");
        foreach (var create in Commands)
        {
            root.Subcommands.Add(create(context));
        }

        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/> with output to <paramref name="context"/>'s writers.
    /// Exit codes: 0 success, 1 check failed or non-200, 2 bad input.
    /// </summary>
    internal static async Task<int> InvokeAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var parseResult = CreateRootCommand(context).Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await context.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            var command = parseResult.CommandResult.Command;
            var name = command is RootCommand ? "xwebhooks" : "xwebhooks " + command.Name;
            await context.Error.WriteLineAsync($"Run '{name} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = true,
            ProcessTerminationTimeout = null,
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
