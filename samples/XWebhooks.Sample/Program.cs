// The XWebhooks sample receiver: one URL for CRC (GET) and verified deliveries (POST) from the
// X Activity API, the Account Activity API and filtered-stream webhooks. Publishes as Native AOT.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddXWebhooks(builder.Configuration.GetSection("XWebhooks"));

var app = builder.Build();
app.MapXWebhooks("/webhooks/x");
app.MapGet("/", () => "XWebhooks sample: X webhook URL is /webhooks/x");
app.Run();
