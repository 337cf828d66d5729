using AleppoDashboard.Data.Facts;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using AleppoDashboard.Data.Views.Control;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace AleppoDashboard.Web.Views.Control;

/// <summary>
/// The body of <c>/api/claims</c>: the plottable claims of one scope in the filtered articles (points only: the sentence
/// of one claim comes from <c>/api/claims/{id}</c>), the scopes that have any, and every outlet in name order (so an
/// outlet keeps its colour whatever the filter and scope):
/// <c>{"scope","scopeLabel","claims":[{"id","date","value","outlet","kind","hedge"}],"scopes":[...],"outlets":[{"slug","name"}]}</c>,
/// where a point's <c>outlet</c> is an index into <c>outlets</c>.
/// Written straight from the cached compact points to the response, a few thousand points at a time, so a
/// large answer (hundreds of thousands of points for a large corpus) is never built as objects or as one string.
/// </summary>
public sealed class ClaimsJsonResult(string scope, string scopeLabel, ScopeClaims claims, IReadOnlyList<OutletJson> outlets,
    IReadOnlyDictionary<int, int> outletIndex) : IResult
{
    const int PointsPerFlush = 4096;

    public async Task ExecuteAsync(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var ct = http.RequestAborted;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = http.Response.BodyWriter;
        await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = options.Encoder });
        json.WriteStartObject();
        json.WriteString("scope", scope);
        json.WriteString("scopeLabel", scopeLabel);
        json.WriteStartArray("claims");
        var date = new char[10];
        var points = claims.Points;
        for (var i = 0; i < points.Length; i++)
        {
            var p = points[i];
            json.WriteStartObject();
            json.WriteNumber("id", p.ClaimId);
            p.Published.TryFormat(date, out var length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            json.WriteString("date", date.AsSpan(0, length));
            json.WriteNumber("value", p.ValuePercent);
            json.WriteNumber("outlet", outletIndex[p.OutletId]);
            json.WriteString("kind", p.Kind.ToText());
            json.WriteString("hedge", p.Hedge.ToText());
            json.WriteEndObject();
            if ((i + 1) % PointsPerFlush == 0)
            {
                await json.FlushAsync(ct);
                await body.FlushAsync(ct);
            }
        }
        json.WriteEndArray();
        json.WritePropertyName("scopes");
        JsonSerializer.Serialize(json, claims.Scopes, options);
        json.WritePropertyName("outlets");
        JsonSerializer.Serialize(json, outlets, options);
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }
}
