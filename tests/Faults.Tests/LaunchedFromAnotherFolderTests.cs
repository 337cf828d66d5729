using System.IO.Compression;
using System.Text.RegularExpressions;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Faults.Tests;

/// <summary>
/// The web app started from a folder other than src/Web (its content root is then the working folder, without
/// appsettings.json) still serves its stylesheets and scripts in the encoding its headers name, cacheable for a year;
/// it once sent a gzip body under a Brotli header, which a browser refuses (ERR_CONTENT_DECODING_FAILED).
/// </summary>
public class LaunchedFromAnotherFolderTests
{
    [Fact]
    public async Task StaticAssetsDecodeAsTheirHeadersSay()
    {
        using var root = new TempFolder();
        var port = ChildProcess.FreePort();
        var production = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" };
        using var web = ChildProcess.Start(root.Path, production, ChildProcess.WebArguments(root.File("empty.db"), port));
        try
        {
            await ChildProcess.WaitUntilServingAsync(port, web);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var page = await http.GetStringAsync("/");
            var assets = Regex.Matches(page, """(?:href|src)="([^"]+\.[a-z0-9]{10}\.(?:css|js))""").Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.NotEmpty(assets);

            foreach (var asset in assets)
            {
                var plain = await GetAsync(http, asset, null);
                Assert.Null(plain.Encoding);
                foreach (var (accept, decode) in new (string, Func<Stream, Stream>)[]
                {
                    ("br", s => new BrotliStream(s, CompressionMode.Decompress)),
                    ("gzip", s => new GZipStream(s, CompressionMode.Decompress)),
                })
                {
                    var encoded = await GetAsync(http, asset, accept);
                    Assert.True(encoded.Encoding == accept, $"{asset} asked as {accept} came as {encoded.Encoding ?? "plain"}");
                    using var decoded = new MemoryStream();
                    await decode(new MemoryStream(encoded.Body)).CopyToAsync(decoded);
                    Assert.True(plain.Body.AsSpan().SequenceEqual(decoded.ToArray()), $"{asset} sent as {accept} does not decode to the plain file");
                    Assert.Contains("immutable", encoded.CacheControl);
                }
            }
        }
        finally
        {
            if (!web.HasExited) web.Kill(entireProcessTree: true);
            await web.WaitForExitAsync();
        }
    }

    static async Task<(string? Encoding, byte[] Body, string CacheControl)> GetAsync(HttpClient http, string path, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/" + path.TrimStart('/'));
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response.Content.Headers.ContentEncoding.SingleOrDefault(), body, response.Headers.CacheControl?.ToString() ?? "");
    }
}
