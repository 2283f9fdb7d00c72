using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;

namespace DirectiveHub.Tests.Hardening;

/// <summary>
/// Every operation of the OpenAPI document, called with hostile input: malformed JSON, wrong types, nulls, control
/// characters, huge strings and arrays, extreme numbers and dates, in the body, the query and the route. Nothing may
/// answer 5xx, and every 4xx carries a ProblemDetails. Bounded: a fixed set of variants, a few hundred requests.
/// </summary>
public sealed class ApiFuzzTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly JsonNode?[] Values =
    [
        null,
        "a\u0000b\u0001c",
        new string('x', 200_000),
        JsonValue.Create(2147483647),
        JsonValue.Create(-2147483648L),
        JsonValue.Create(1e308),
        "9999-12-31",
        "0001-01-01",
        new JsonArray(Enumerable.Range(0, 3_000).Select(i => (JsonNode?)JsonValue.Create(Guid.NewGuid())).ToArray()),
        new JsonObject { ["unexpected"] = true },
        true,
    ];

    private static readonly string[] QueryValues = ["2147483647", "-2147483648", "9999-12-31", "0001-01-01", "a\u0000b", "abc", new string('q', 900), "null", ""];

    private static readonly string[] RawBodies = ["{", "[]", "null", "\"text\"", "{\"a\":", "{\"\u0000\":1}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"];

    [Fact]
    public async Task No_operation_answers_5xx_and_every_4xx_is_a_ProblemDetails()
    {
        app.Require();
        var failures = new List<string>();
        var requests = 0;
        foreach (var account in new[] { DemoAccounts.Clerk, DemoAccounts.Admin })
        {
            var client = await app.Factory.ApiClientAsync(account);
            var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancel))!;
            var schemas = document["components"]?["schemas"]?.AsObject();
            var directive = await app.QueryAsync(db => Task.FromResult(db.Directives.Select(d => d.Id).First()));
            foreach (var (path, item) in document["paths"]!.AsObject())
            {
                foreach (var (method, operation) in item!.AsObject())
                {
                    if (path.StartsWith("/api/auth", StringComparison.Ordinal) || path.Contains("sessions", StringComparison.Ordinal))
                    {
                        // Sign-in has its own tests; ending sessions would end this client's.
                        continue;
                    }

                    foreach (var request in Requests(path, method, operation!, schemas, directive))
                    {
                        requests++;
                        using var response = await client.SendAsync(request, Cancel);
                        var status = (int)response.StatusCode;
                        var type = response.Content.Headers.ContentType?.MediaType;
                        if (status >= 500)
                        {
                            failures.Add($"{status} {method.ToUpperInvariant()} {request.RequestUri} {await Body(request)}");
                        }
                        else if (status >= 400 && type != "application/problem+json")
                        {
                            failures.Add($"{status} without ProblemDetails ({type}) {method.ToUpperInvariant()} {request.RequestUri} {await Body(request)}");
                        }
                    }
                }
            }
        }

        Assert.True(requests > 200, $"only {requests} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests}:\n" + string.Join('\n', failures.Take(30)));
    }

    private static IEnumerable<HttpRequestMessage> Requests(string path, string method, JsonNode operation, JsonObject? schemas, Guid directive)
    {
        var parameters = operation["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
        var query = parameters.Where(p => (string?)p["in"] == "query").Select(p => (string)p["name"]!).ToList();
        var route = Route(path, directive);
        var bodySchema = Resolve(operation["requestBody"]?["content"]?["application/json"]?["schema"], schemas);
        var http = new HttpMethod(method.ToUpperInvariant());

        // Sane call first, then each query parameter with each hostile value.
        yield return new HttpRequestMessage(http, route);
        foreach (var name in query)
        {
            foreach (var value in QueryValues)
            {
                yield return new HttpRequestMessage(http, $"{route}?{name}={Uri.EscapeDataString(value)}");
            }
        }

        // Hostile values for the route's id.
        foreach (var id in new[] { "not-a-guid", "00000000-0000-0000-0000-000000000000", "%25ff" })
        {
            if (path.Contains('{', StringComparison.Ordinal))
            {
                yield return new HttpRequestMessage(http, RouteWith(path, id));
            }
        }

        if (operation["requestBody"] is null)
        {
            yield break;
        }

        foreach (var raw in RawBodies)
        {
            yield return Json(http, route, raw);
        }

        var properties = bodySchema?["properties"]?.AsObject().Select(p => p.Key).ToList() ?? [];
        foreach (var value in Values)
        {
            // Every property at once with the same hostile value, then each alone beside valid-looking neighbours.
            var all = new JsonObject();
            foreach (var property in properties)
            {
                all[property] = value?.DeepClone();
            }

            yield return Json(http, route, all.ToJsonString());
            foreach (var property in properties.Take(12))
            {
                yield return Json(http, route, new JsonObject { [property] = value?.DeepClone() }.ToJsonString());
            }
        }

        yield return new HttpRequestMessage(http, route) { Content = new StringContent("a,b\n\u0000,\"", Encoding.UTF8, "text/csv") };
    }

    private static JsonNode? Resolve(JsonNode? schema, JsonObject? schemas)
    {
        for (var i = 0; i < 5 && schema?["$ref"] is { } reference; i++)
        {
            schema = schemas?[((string)reference!).Split('/')[^1]];
        }

        return schema;
    }

    private static string Route(string path, Guid directive) => RouteWith(path, directive.ToString());

    private static string RouteWith(string path, string id)
    {
        var builder = new StringBuilder();
        foreach (var segment in path.Split('/'))
        {
            builder.Append(segment.StartsWith('{') ? id : segment).Append('/');
        }

        return builder.ToString().TrimEnd('/');
    }

    private static HttpRequestMessage Json(HttpMethod method, string route, string body) =>
        new(method, route) { Content = new StringContent(body, new MediaTypeHeaderValue("application/json")) };

    private static async Task<string> Body(HttpRequestMessage request)
    {
        var text = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(Cancel);
        return text.Length > 120 ? text[..120] + "…" : text;
    }
}
