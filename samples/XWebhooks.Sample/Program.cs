// The XWebhooks sample receiver: one URL for CRC (GET) and verified deliveries (POST) from the
// X Activity API, the Account Activity API and filtered-stream webhooks. Publishes as Native AOT.
// Handlers are in Handlers/SampleHandlers.cs; the source generator wires them (no registration line).
using XWebhooks.Sample.Handlers;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddXWebhooks(builder.Configuration.GetSection("XWebhooks"));
builder.Services.AddSingleton<EventJournal>();

var app = builder.Build();
app.MapXWebhooks("/webhooks/x");
app.MapGet("/", () => "XWebhooks sample: X webhook URL is /webhooks/x");
app.Run();
