// Bare Kestrel: read the whole body, answer 200. The ceiling the XWebhooks receive path is compared with.
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapPost("/webhooks/x", new RequestDelegate(async context =>
{
    while (true)
    {
        var result = await context.Request.BodyReader.ReadAsync(context.RequestAborted);
        context.Request.BodyReader.AdvanceTo(result.Buffer.End);
        if (result.IsCompleted)
        {
            break;
        }
    }

    context.Response.StatusCode = StatusCodes.Status200OK;
}));
app.Run();
