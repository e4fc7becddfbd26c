using System.Text.Json;
using ScimClean.Samples.WebhookReceiver;

// A minimal receiver for ScimClean's webhooks: verifies each signature, deduplicates on webhook-id, prints the event.
// WEBHOOK_SECRET is the "whsec_..." secret returned when the endpoint was registered.
var secret = Environment.GetEnvironmentVariable("WEBHOOK_SECRET")
    ?? throw new InvalidOperationException("set WEBHOOK_SECRET to the endpoint's whsec_ secret");
var verifier = new SignatureVerifier(secret, TimeSpan.FromMinutes(5));
var seen = new HashSet<string>(StringComparer.Ordinal);

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();

app.MapPost("/webhooks", async (HttpRequest request) =>
{
    using var buffer = new MemoryStream();
    await request.Body.CopyToAsync(buffer);
    var body = buffer.ToArray();
    var id = request.Headers["webhook-id"].ToString();
    if (!verifier.IsValid(id, request.Headers["webhook-timestamp"], request.Headers["webhook-signature"], body, DateTimeOffset.UtcNow))
    {
        Console.WriteLine($"rejected {id}: bad signature");
        return Results.Unauthorized();
    }

    lock (seen)
    {
        // Delivery is at-least-once: the same webhook-id may come again after a retry or a replay.
        if (!seen.Add(id))
        {
            return Results.NoContent();
        }
    }

    using var document = JsonDocument.Parse(body);
    var root = document.RootElement;
    Console.WriteLine($"{root.GetProperty("timestamp").GetString()} {root.GetProperty("type").GetString()} " +
        $"org={root.GetProperty("organization").GetString()} seq={root.GetProperty("sequence").GetInt64()} id={id}");
    Console.WriteLine($"  {root.GetProperty("data").GetRawText()}");
    return Results.NoContent();
});

app.Run();
