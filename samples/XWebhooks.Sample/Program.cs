// The XWebhooks sample receiver: one URL for CRC (GET) and verified deliveries (POST) from the
// X Activity API, the Account Activity API and filtered-stream webhooks. Publishes as Native AOT.
// Handlers are in Handlers/SampleHandlers.cs; the source generator wires them (no registration line).
//
// Deliveries go through a durable inbox (verify → store → 200 → handlers in the background, with retries,
// dead letter and dedupe). XWebhooks:Inbox:Mode picks it: Sqlite (default; file XWebhooks:Inbox:Path,
// default xwebhooks.db), Redis (XWebhooks:Inbox:Configuration is the connection string, many instances)
// or Inline (handlers run before the 200, within the response budget).
//
// Opt-in management: with XWebhooks:Client:BearerToken and XWebhooks:PublicUrl set, the sample registers its URL
// at X on start (or re-validates it), and after downtime asks X to replay what it missed. Point
// XWebhooks:Client:BaseAddress at `xwebhooks emulate` to try it locally. /healthz reports the webhook's health.
// Gap recovery's timings (XWebhooks:GapRecovery:MinimumGap, Margin, MinimumToDateAge) and the health check's
// thresholds (XWebhooks:Health:...) come from configuration too, e.g. XWebhooks__GapRecovery__MinimumGap=00:05:00.
//
// Traces: Sample:ConsoleTraces=true (e.g. Sample__ConsoleTraces=true) prints the spans of the "XWebhooks" activity
// source with OpenTelemetry's console exporter: one "XWebhooks receive" per POST, one "XWebhooks process" per inbox
// attempt (linked to its delivery), one per management call.
using OpenTelemetry.Trace;
using XWebhooks.Sample.Handlers;

var builder = WebApplication.CreateSlimBuilder(args);
var xwebhooks = builder.Services.AddXWebhooks(builder.Configuration.GetSection("XWebhooks"));
var inbox = builder.Configuration.GetSection("XWebhooks:Inbox");
switch (inbox["Mode"] ?? "Sqlite")
{
    case var mode when mode.Equals("Sqlite", StringComparison.OrdinalIgnoreCase):
        xwebhooks.AddSqliteInbox(inbox);
        break;
    case var mode when mode.Equals("Redis", StringComparison.OrdinalIgnoreCase):
        xwebhooks.AddRedisInbox(inbox);
        break;
    case var mode when mode.Equals("Inline", StringComparison.OrdinalIgnoreCase):
        break;
    case var mode:
        throw new InvalidOperationException($"XWebhooks:Inbox:Mode must be Sqlite, Redis or Inline; it is '{mode}'.");
}

var client = builder.Configuration.GetSection("XWebhooks:Client");
if (!string.IsNullOrEmpty(client["BearerToken"]))
{
    var publicUrl = builder.Configuration["XWebhooks:PublicUrl"]
        ?? throw new InvalidOperationException("XWebhooks:Client:BearerToken is set, so XWebhooks:PublicUrl must say where X reaches /webhooks/x.");
    builder.Services.AddXWebhooksClient(client);
    xwebhooks.EnsureWebhookRegistered(new Uri(publicUrl)).AddGapRecovery(builder.Configuration.GetSection("XWebhooks:GapRecovery"));
}

if (bool.TryParse(builder.Configuration["Sample:ConsoleTraces"], out var consoleTraces) && consoleTraces)
{
    // AlwaysOn: without ASP.NET Core's instrumentation its request span is unsampled, and the default parent-based
    // sampler would drop the "XWebhooks receive" span under it. A real app adds AddAspNetCoreInstrumentation() instead.
    builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.SetSampler(new AlwaysOnSampler()).AddSource("XWebhooks").AddConsoleExporter());
}

builder.Services.AddHealthChecks().AddXWebhooksHealthCheck(builder.Configuration.GetSection("XWebhooks:Health"));
builder.Services.AddSingleton<EventJournal>();

var app = builder.Build();
app.MapXWebhooks("/webhooks/x");
app.MapHealthChecks("/healthz");
app.MapGet("/", () => "XWebhooks sample: X webhook URL is /webhooks/x");
app.Run();
