// The XWebhooks sample receiver: one URL for CRC (GET) and verified deliveries (POST) from the
// X Activity API, the Account Activity API and filtered-stream webhooks. Publishes as Native AOT.
// Handlers are in Handlers/SampleHandlers.cs; the source generator wires them (no registration line).
//
// Deliveries go through a durable inbox (verify → store → 200 → handlers in the background, with retries,
// dead letter and dedupe). XWebhooks:Inbox:Mode picks it: Sqlite (default; file XWebhooks:Inbox:Path,
// default xwebhooks.db), Redis (XWebhooks:Inbox:Configuration is the connection string, many instances)
// or Inline (handlers run before the 200, within the response budget).
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

builder.Services.AddSingleton<EventJournal>();

var app = builder.Build();
app.MapXWebhooks("/webhooks/x");
app.MapGet("/", () => "XWebhooks sample: X webhook URL is /webhooks/x");
app.Run();
