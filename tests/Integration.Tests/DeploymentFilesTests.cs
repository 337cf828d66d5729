using System.Text.Json;
using System.Text.RegularExpressions;
using AleppoDashboard.Ingest.Cli;
using AleppoDashboard.TestSupport;
using YamlDotNet.RepresentationModel;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// Docker cannot run on this machine, so these tests read docker-compose.yml and the Dockerfile and check
/// them against the app's real configuration: services, ports, the shared volume and every environment key.
/// </summary>
public class DeploymentFilesTests
{
    static readonly YamlMappingNode Compose = LoadCompose();
    static readonly string Dockerfile = File.ReadAllText(Path.Combine(RepoPaths.Root, "Dockerfile"));

    static YamlMappingNode LoadCompose()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(RepoPaths.Root, "docker-compose.yml"))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    static YamlMappingNode Service(string name) => (YamlMappingNode)((YamlMappingNode)Compose["services"])[name];

    static Dictionary<string, string> Environment(string service) =>
        ((YamlMappingNode)Service(service)["environment"]).Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString());

    /// <summary>Every configuration key the web app reads, as Section__Key, from appsettings.json.</summary>
    static HashSet<string> WebConfigurationKeys()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Web", "appsettings.json")));
        var keys = new HashSet<string>(StringComparer.Ordinal) { "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_ENVIRONMENT" };
        foreach (var section in json.RootElement.EnumerateObject().Where(s => s.Value.ValueKind == JsonValueKind.Object))
        {
            foreach (var key in section.Value.EnumerateObject()) keys.Add($"{section.Name}__{key.Name}");
        }
        return keys;
    }

    [Fact]
    public void ComposeHasTheWebAndIngestServices() =>
        Assert.Equal(["ingest", "web"], ((YamlMappingNode)Compose["services"]).Children.Keys.Select(k => k.ToString()).Order());

    [Fact]
    public void WebEnvironmentUsesOnlyRealConfigurationKeys()
    {
        var known = WebConfigurationKeys();
        Assert.All(Environment("web").Keys, key => Assert.Contains(key, known));
        Assert.Contains("Database__Path", Environment("web").Keys);
    }

    [Fact]
    public void IngestEnvironmentUsesOnlyKeysTheIngestCommandReads()
    {
        var known = CliArguments.EnvironmentFallbacks.Values.ToHashSet();
        Assert.All(Environment("ingest").Keys, key => Assert.Contains(key, known));
        Assert.Contains("watch", Service("ingest")["entrypoint"].ToString());
    }

    [Fact]
    public void BothServicesShareOneVolumeHoldingTheDatabaseAndArticles()
    {
        var web = ((YamlSequenceNode)Service("web")["volumes"]).Children.Select(v => v.ToString()).Single();
        var ingest = ((YamlSequenceNode)Service("ingest")["volumes"]).Children.Select(v => v.ToString()).Single();
        Assert.Equal(web, ingest);
        var mount = web.Split(':')[1];
        Assert.StartsWith(mount + "/", Environment("web")["Database__Path"]);
        Assert.Equal(Environment("web")["Database__Path"], Environment("ingest")["Database__Path"]);
        Assert.StartsWith(mount + "/", Environment("ingest")["Ingest__Folder"]);
        Assert.Contains(web.Split(':')[0], ((YamlMappingNode)Compose["volumes"]).Children.Keys.Select(k => k.ToString()));
    }

    [Fact]
    public void PublishedPortIsThePortTheAppListensOn()
    {
        var port = ((YamlSequenceNode)Service("web")["ports"]).Children.Single().ToString().Split(':')[1];
        Assert.Equal(port, Environment("web")["ASPNETCORE_HTTP_PORTS"]);
        Assert.Contains($"EXPOSE {port}", Dockerfile);
        Assert.Matches(new Regex($@"ASPNETCORE_HTTP_PORTS={port}\b"), Dockerfile);
    }

    [Fact]
    public void DockerfileBuildsBothProgramsWithNpmAndShipsTheSeeds()
    {
        Assert.Contains("nodejs npm", Dockerfile);
        Assert.Contains("dotnet publish src/Web/Web.csproj", Dockerfile);
        Assert.Contains("dotnet publish src/Ingest/Ingest.csproj", Dockerfile);
        Assert.Contains("COPY seeds /app/seeds", Dockerfile);
        Assert.Contains("/app/ingest/AleppoDashboard.Ingest.dll", Service("ingest")["entrypoint"].ToString());
        Assert.Contains("/app/web/AleppoDashboard.Web.dll", Dockerfile);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "src", "Web", "Web.csproj")));
        Assert.Equal("/app/seeds", Environment("web")["Seeds__Path"]);
    }
}
