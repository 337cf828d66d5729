using System.Text.Json;
using AleppoDashboard.Ingest.Cli;
using AleppoDashboard.TestSupport;
using YamlDotNet.RepresentationModel;

namespace AleppoDashboard.Integration.Tests.Postgres;

/// <summary>
/// Docker cannot run here, so docker-compose.postgres.yml is read and checked against the app's configuration: a
/// postgres service, two web replicas and one ingest worker, all on the postgres provider with the same keys, the web
/// replicas under the read-only role the init script creates, no password written into the file.
/// </summary>
public class PostgresComposeTests
{
    static readonly YamlMappingNode Compose = Load();
    static readonly string InitRoles = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "postgres", "init-roles.sh"));

    static YamlMappingNode Load()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(RepoPaths.Root, "docker-compose.postgres.yml"))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    static YamlMappingNode Service(string name) => (YamlMappingNode)((YamlMappingNode)Compose["services"])[name];

    static Dictionary<string, string> Environment(string service) =>
        ((YamlMappingNode)Service(service)["environment"]).Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString());

    [Fact]
    public void It_has_a_server_two_web_replicas_and_one_ingest_worker()
    {
        Assert.Equal(["ingest", "postgres", "web"], ((YamlMappingNode)Compose["services"]).Children.Keys.Select(k => k.ToString()).Order());
        Assert.Equal("2", ((YamlMappingNode)Service("web")["deploy"])["replicas"].ToString());
        Assert.Contains("watch", Service("ingest")["entrypoint"].ToString());
    }

    [Fact]
    public void Web_and_ingest_use_the_postgres_provider_with_the_app_s_own_keys()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Web", "appsettings.json")));
        var webKeys = new HashSet<string> { "ASPNETCORE_HTTP_PORTS" };
        foreach (var section in json.RootElement.EnumerateObject().Where(s => s.Value.ValueKind == JsonValueKind.Object))
        {
            foreach (var key in section.Value.EnumerateObject()) webKeys.Add($"{section.Name}__{key.Name}");
        }
        Assert.All(Environment("web").Keys, key => Assert.Contains(key, webKeys));
        var ingestKeys = CliArguments.EnvironmentFallbacks.Values.Append("Database__ConnectionString").ToHashSet();
        Assert.All(Environment("ingest").Keys, key => Assert.Contains(key, ingestKeys));
        foreach (var service in new[] { "web", "ingest" })
        {
            Assert.Equal("postgres", Environment(service)["Database__Provider"]);
            Assert.Contains("Host=postgres;", Environment(service)["Database__ConnectionString"]);
            // Passwords come from the environment of whoever runs compose, never from this file.
            Assert.Contains("Password=${", Environment(service)["Database__ConnectionString"]);
        }
        Assert.Contains("Username=aleppo_web;", Environment("web")["Database__ConnectionString"]);
        Assert.Equal("false", Environment("web")["Seeds__AutoIngest"]);
    }

    [Fact]
    public void The_web_role_is_the_documented_read_only_one()
    {
        Assert.Contains("ALTER ROLE aleppo_web SET default_transaction_read_only = on;", InitRoles);
        Assert.Contains("GRANT SELECT ON TABLES TO aleppo_web", InitRoles);
        Assert.DoesNotContain("GRANT ALL ON SCHEMA public TO aleppo_web", InitRoles);
        Assert.Contains("/docker-entrypoint-initdb.d/", string.Join(" ", ((YamlSequenceNode)Service("postgres")["volumes"]).Children));
    }
}
