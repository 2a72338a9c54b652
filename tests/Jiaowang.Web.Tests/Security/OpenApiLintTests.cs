using System.Diagnostics;
using System.Text.Json.Nodes;
using Jiaowang.Web.Data;

namespace Jiaowang.Web.Tests.Security;

/// <summary>
/// Issue 11: the OpenAPI document is what a script author generates a client from. Redocly CLI's recommended rules
/// check it as such a tool would: every operation says which credentials it needs and has an id, responses are declared.
/// ./test.sh installs the CLI (npm, @redocly/cli) and says where in <see cref="ToolVariable"/>.
/// </summary>
public sealed class OpenApiLintTests : IAsyncLifetime
{
    /// <summary>The folder npm installed @redocly/cli into (<c>npm install --prefix &lt;folder&gt; @redocly/cli</c>).</summary>
    public const string ToolVariable = "JIAOWANG_REDOCLY";

    TestDatabase database = null!;
    JiaowangFactory factory = null!;
    JsonNode document = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        factory = new JiaowangFactory(database, seedBundledPlan: false);
        using var client = factory.CreateClient();
        document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Redocly_finds_no_errors_in_the_openapi_document()
    {
        var tools = Environment.GetEnvironmentVariable(ToolVariable);
        Assert.False(string.IsNullOrEmpty(tools),
            $"{ToolVariable} is not set: run ./test.sh, or `npm install --prefix <folder> @redocly/cli@2.77.0` and set {ToolVariable}=<folder>.");
        var file = Path.Combine(Path.GetTempPath(), $"jiaowang-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document.ToJsonString());
        try
        {
            var redocly = Path.Combine(tools!, "node_modules", ".bin", "redocly");
            Assert.True(File.Exists(redocly), $"{ToolVariable}={tools}, but {redocly} is missing: npm install --prefix {tools} @redocly/cli@2.77.0");
            var start = new ProcessStartInfo(redocly, ["lint", "--extends", "recommended", "--format", "stylish", file])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            // No network at test time: Redocly sends no usage data and looks for no update.
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            using var lint = Process.Start(start)!;
            var output = lint.StandardOutput.ReadToEndAsync();
            var errors = lint.StandardError.ReadToEndAsync();
            await lint.WaitForExitAsync();
            var report = await output + await errors;
            Assert.True(lint.ExitCode == 0, $"redocly lint found errors in /openapi/v1.json:\n{report}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Each_operation_has_an_id_and_says_which_credentials_it_needs()
    {
        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        Assert.Equal("http", schemes["bearer"]!["type"]!.GetValue<string>());
        Assert.Equal("apiKey", schemes["cookie"]!["type"]!.GetValue<string>());
        Assert.Equal("cookie", schemes["cookie"]!["in"]!.GetValue<string>());

        var operations = Operations().ToList();
        Assert.Equal(operations.Count, operations.Select(o => o.Operation["operationId"]?.GetValue<string>()).Distinct().Count(id => id is not null));
        // Anonymous operations say so: an empty list, no credentials needed.
        var token = operations.Single(o => o.Key == "POST /api/auth/token").Operation;
        Assert.Empty(token["security"]!.AsArray());
        var reports = operations.Single(o => o.Key == "GET /api/reports").Operation;
        Assert.Equal(2, reports["security"]!.AsArray().Count);
        Assert.NotNull(reports["responses"]!["401"]);
        // Changing the password takes a bearer token only, and says so.
        var password = operations.Single(o => o.Key == "POST /api/me/password").Operation;
        Assert.Equal(["bearer"], password["security"]!.AsArray().Select(r => r!.AsObject().Single().Key));
        var accept = operations.Single(o => o.Key == "POST /api/reports/{id}/accept").Operation;
        Assert.NotNull(accept["responses"]!["403"]);
    }

    [Fact]
    public void Each_operation_that_can_refuse_lists_a_problem_details_response()
    {
        foreach (var (key, operation) in Operations())
        {
            var responses = operation["responses"]!.AsObject();
            var refusals = responses.Where(r => r.Key.StartsWith('4')).ToList();
            if (refusals.Count == 0) continue;
            Assert.True(refusals.Any(r => r.Value!["content"]?["application/problem+json"] is not null), $"{key}: no problem-details response");
        }
    }

    IEnumerable<(string Key, JsonObject Operation)> Operations() =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where method.Value is JsonObject { } op && op.ContainsKey("responses")
        select ($"{method.Key.ToUpperInvariant()} {path.Key}", method.Value!.AsObject());
}
