// A hand-written X webhook receiver of the kind X's quickstarts show: CRC on GET, and on POST the HMAC check of the
// exact body followed by reflection-based System.Text.Json into a thin model. The baseline of benchmarks/compare.sh;
// it reads the same configuration as the XWebhooks sample (XWebhooks:ConsumerSecret, ASPNETCORE_URLS).
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using XWebhooks.HandWritten;

var builder = WebApplication.CreateBuilder(args);
var secret = builder.Configuration["XWebhooks:ConsumerSecret"]
    ?? throw new InvalidOperationException("Set XWebhooks:ConsumerSecret (e.g. XWebhooks__ConsumerSecret), the X app's consumer secret.");
var key = Encoding.UTF8.GetBytes(secret);
var app = builder.Build();

// CRC: X sends crc_token and expects sha256=<base64 HMAC-SHA256(consumer secret, token)> back.
app.MapGet("/webhooks/x", ([FromQuery(Name = "crc_token")] string crcToken) =>
{
    var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(crcToken));
    return Results.Json(new { response_token = "sha256=" + Convert.ToBase64String(hash) });
});

app.MapPost("/webhooks/x", async (HttpRequest request, ILogger<Program> logger) =>
{
    using var buffer = new MemoryStream();
    await request.Body.CopyToAsync(buffer);
    var body = buffer.ToArray();

    var expected = Encoding.UTF8.GetBytes("sha256=" + Convert.ToBase64String(HMACSHA256.HashData(key, body)));
    var given = Encoding.UTF8.GetBytes(request.Headers["x-twitter-webhooks-signature"].ToString());
    if (!CryptographicOperations.FixedTimeEquals(expected, given))
    {
        return Results.Unauthorized();
    }

    ActivityDelivery? delivery;
    try
    {
        delivery = JsonSerializer.Deserialize<ActivityDelivery>(body);
    }
    catch (JsonException)
    {
        return Results.BadRequest();
    }

    if (delivery?.Data is not { } data)
    {
        return Results.BadRequest();
    }

    logger.LogInformation("{EventType} {EventUuid} post {PostId} by {AuthorId}", data.EventType, data.EventUuid, data.Payload?.Id, data.Payload?.AuthorId);
    return Results.Ok();
});

app.Run();
