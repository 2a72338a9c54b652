using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Tests.Operations;

/// <summary>
/// The API's bodies are read through contracts generated at build time (Shared/ApiJsonContext.cs), asked for while the
/// endpoints are built. A body type missing from the context is still read, by reflection, at a cost paid by every start:
/// this names it.
/// </summary>
public sealed class ApiJsonTests
{
    /// <summary>Sits between the generated contracts and reflection, and notes what reaches it.</summary>
    sealed class PassedThrough : IJsonTypeInfoResolver
    {
        public readonly ConcurrentBag<Type> Types = [];

        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            Types.Add(type);
            return null;
        }
    }

    [Fact]
    public async Task Every_body_an_endpoint_reads_has_a_generated_contract_and_is_read_with_the_apis_names()
    {
        var passed = new PassedThrough();
        await using var database = TestDatabase.Sqlite();
        await using var factory = new JiaowangFactory(database, configureServices: services =>
            services.Configure<JsonOptions>(o =>
            {
                var chain = o.SerializerOptions.TypeInfoResolverChain;
                chain.Insert(chain.IndexOf(chain.OfType<DefaultJsonTypeInfoResolver>().Single()), passed);
            }));
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Empty(passed.Types.Distinct().Select(t => t.FullName));

        // The probe sees what the generated contracts do not hold.
        var options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        options.GetTypeInfo(typeof(Uri));
        Assert.Contains(typeof(Uri), passed.Types);

        // A body read through a generated contract: camelCase names in, as every script sends them, and the error for a
        // wrong password, not one for a body that was not understood.
        var refused = await client.PostAsJsonAsync("/api/auth/token", new { userName = "nobody", password = "wrong-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
