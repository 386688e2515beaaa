using System.CommandLine;
using XWebhooks.Testing;

namespace XWebhooks.Cli.Commands;

/// <summary><c>xwebhooks events</c>: lists every event kind <c>send</c>, <c>load</c> and <c>trigger</c> accept, by product.</summary>
internal static class EventsCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("events", "List every sendable event kind, grouped by product (X's documented examples).");
        command.SetAction(async (_, _) =>
        {
            foreach (var (folder, product) in EventCatalog.Products)
            {
                var names = XExamplePayloads.Names.Where(name => EventCatalog.Folder(name) == folder).ToList();
                if (names.Count == 0)
                {
                    continue;
                }

                await context.Out.WriteLineAsync($"{product} ({folder}/):").ConfigureAwait(false);
                foreach (var name in names)
                {
                    await context.Out.WriteLineAsync("  " + name).ConfigureAwait(false);
                }

                await context.Out.WriteLineAsync().ConfigureAwait(false);
            }

            var others = XExamplePayloads.Names.Where(name => !EventCatalog.Products.Any(p => p.Folder == EventCatalog.Folder(name))).ToList();
            if (others.Count > 0)
            {
                await context.Out.WriteLineAsync("Other:").ConfigureAwait(false);
                foreach (var name in others)
                {
                    await context.Out.WriteLineAsync("  " + name).ConfigureAwait(false);
                }

                await context.Out.WriteLineAsync().ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync("Pass a full name or the part after the '/' when it is unique, e.g. --event post.create, --event favorite_events, --event stream/post.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
