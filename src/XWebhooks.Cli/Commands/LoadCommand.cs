using System.CommandLine;
using XWebhooks.Cli.Load;

namespace XWebhooks.Cli.Commands;

/// <summary><c>xwebhooks load &lt;url&gt;</c>: a load test with signed deliveries, then latency percentiles and errors.</summary>
internal static class LoadCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var url = CliCommon.UrlArgument();
        var secret = CliCommon.SecretOption();
        var oauth2Secret = CliCommon.OAuth2SecretOption();
        var signatureHeader = CliCommon.SignatureHeaderOption();
        var timeout = CliCommon.TimeoutOption();
        var eventOption = new Option<string>("--event", "-e") { Description = "The event kind to send (see 'xwebhooks events').", HelpName = "kind", Required = true };
        var rate = new Option<int>("--rate", "-r") { Description = "Requests per second; 0 sends as fast as the concurrency allows.", DefaultValueFactory = _ => 0 };
        var duration = new Option<TimeSpan?>("--duration", "-d")
        {
            Description = "How long to run, e.g. 10s, 500ms, 2m. Default: 10s.",
            CustomParser = result => CliCommon.ParseDuration(result),
            HelpName = "duration",
        };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Requests in flight at most (and connections).", DefaultValueFactory = _ => 16 };
        var uniqueIds = new Option<bool>("--unique-ids") { Description = "Send distinct events (a pre-built pool of unique signed bodies) instead of one body the receiver dedupes." };
        var command = new Command("load", "Load-test a receiver with signed deliveries; prints progress, latency percentiles, throughput and errors.")
        {
            url,
            secret,
            oauth2Secret,
            signatureHeader,
            eventOption,
            rate,
            duration,
            concurrency,
            uniqueIds,
            timeout,
        };
        CliCommon.SetAction(command, context, async (parseResult, cancellationToken) =>
        {
            var options = new LoadOptions(
                CliCommon.ParseUrl(parseResult.GetValue(url)),
                DeliverySigner.Resolve(parseResult, secret, oauth2Secret, signatureHeader, context),
                EventCatalog.Resolve(parseResult.GetValue(eventOption)),
                parseResult.GetValue(rate),
                parseResult.GetValue(duration) ?? TimeSpan.FromSeconds(10),
                parseResult.GetValue(concurrency),
                parseResult.GetValue(uniqueIds),
                CliCommon.GetTimeout(parseResult, timeout));
            if (options.Rate < 0)
            {
                throw new UsageException($"--rate must be 0 (as fast as possible) or more; it is {options.Rate}");
            }

            if (options.Concurrency is < 1 or > 10_000)
            {
                throw new UsageException($"--concurrency must be between 1 and 10000; it is {options.Concurrency}");
            }

            var result = await new LoadRunner(options, context).RunAsync(cancellationToken).ConfigureAwait(false);
            await LoadReport.WriteAsync(context.Out, result).ConfigureAwait(false);
            return result.Requests > 0 && result.ErrorCount == 0 ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }
}
