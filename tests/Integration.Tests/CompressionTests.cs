using System.IO.Compression;
using System.Net;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Integration.Tests;

/// <summary>
/// Pages, JSON, GeoJSON and CSV come Brotli-compressed when the client takes it, gzip when it takes only gzip, and plain
/// otherwise; decompressed, they are the plain response (pages without Blazor's component markers, which differ on
/// every render).
/// </summary>
public class CompressionTests(CorpusAppFixture fixture) : IClassFixture<CorpusAppFixture>
{
    public static TheoryData<string> Routes()
    {
        var data = new TheoryData<string>();
        foreach (var route in DashboardRoutes.All) data.Add(route);
        data.Add("/map?q=Sukkari&from=2016-12-01");
        return data;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task BrotliWhenAcceptedThenGzipThenPlain(string url)
    {
        var plain = await GetAsync(url, null);
        Assert.Null(plain.Encoding);

        var brotli = await GetAsync(url, "gzip, deflate, br");
        Assert.Equal("br", brotli.Encoding);
        var gzip = await GetAsync(url, "gzip");
        Assert.Equal("gzip", gzip.Encoding);

        var fromBrotli = Decode(new BrotliStream(new MemoryStream(brotli.Body), CompressionMode.Decompress));
        var fromGzip = Decode(new GZipStream(new MemoryStream(gzip.Body), CompressionMode.Decompress));
        var expected = WithoutMarkers(System.Text.Encoding.UTF8.GetString(plain.Body));
        Assert.Equal(expected, WithoutMarkers(fromBrotli));
        Assert.Equal(expected, WithoutMarkers(fromGzip));
    }

    [Fact]
    public async Task ABadRequestIsStillAOneLineReasonWhenCompressed()
    {
        var bad = await GetAsync("/api/map.geojson?from=not-a-date", "br");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        var text = bad.Encoding == "br" ? Decode(new BrotliStream(new MemoryStream(bad.Body), CompressionMode.Decompress)) : System.Text.Encoding.UTF8.GetString(bad.Body);
        Assert.Contains("yyyy-MM-dd", text);
    }

    async Task<(HttpStatusCode Status, string? Encoding, byte[] Body)> GetAsync(string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await fixture.Client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentEncoding.SingleOrDefault(), await response.Content.ReadAsByteArrayAsync());
    }

    static string WithoutMarkers(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "<!--Blazor.*?-->", "", System.Text.RegularExpressions.RegexOptions.Singleline);

    static string Decode(Stream compressed)
    {
        using var reader = new StreamReader(compressed, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
