using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace AleppoDashboard.ReaderCapacity.Circuit;

/// <summary>
/// One reader without a browser: it does on the wire what blazor.web.js does for a reader moving the time slider,
/// so that 50 readers cost the client little and the figure is the server's. It loads the page, starts a circuit
/// with the page's interactive components (their prerendered markers and state), and for each change sends the
/// slider's input event, waits for the server's navigation, fetches the new page as enhanced navigation does (and on
/// /map its GeoJSON, as map.js does), hands the new markers to the circuit, and stops the clock when the circuit says
/// the components are updated. Not done: the browser's DOM patch and drawing, which happen on the reader's machine.
/// </summary>
sealed partial class CircuitReader : IAsyncDisposable
{
    readonly HttpClient http;
    readonly HubConnection hub;
    readonly string path;
    readonly Dictionary<string, int> componentByKey = [];
    readonly object gate = new();
    TaskCompletionSource<string> navigation = NewSource<string>();
    TaskCompletionSource<bool> ready = NewSource<bool>();
    readonly Dictionary<long, TaskCompletionSource<bool>> updates = [];
    long interopObject = -1;
    ulong? sliderHandler;
    ulong? commitHandler;
    long nextBatch = 1;
    long nextCall = 1;
    long nextJsObject = 1;
    string? circuitSecret;
    int position;
    int count;

    public string Path => path;

    public string? Error { get; private set; }

    CircuitReader(HttpClient http, Uri baseAddress, string path)
    {
        this.http = http;
        this.path = path;
        hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "_blazor"), o => o.Transports = HttpTransportType.WebSockets)
            .ConfigureServices()
            .Build();
        hub.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        // .NET 10 sends six arguments: handle, identifier, arguments, result type, target instance and call type.
        hub.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)],
            a => OnBeginInvokeJSAsync((long)a[0]!, (string)a[1]!, (string)a[2]!, (int)a[3]!));
        hub.On<long>("JS.EndUpdateRootComponents", OnEndUpdate);
        hub.On<string>("JS.EndInvokeDotNet", _ => { });
        hub.On<string>("JS.Error", error => { Error = error; if (Debug) Console.WriteLine("JS.Error " + error); });
    }

    /// <summary>Loads <paramref name="path"/>, starts its circuit and waits until the slider can be moved.</summary>
    public static async Task<CircuitReader> OpenAsync(HttpClient http, Uri baseAddress, string path, CancellationToken ct)
    {
        var reader = new CircuitReader(http, baseAddress, path);
        var page = await reader.GetPageAsync(path, enhanced: false, ct);
        await reader.hub.StartAsync(ct);
        reader.circuitSecret = await reader.hub.InvokeAsync<string>("StartCircuit", baseAddress.ToString(), new Uri(baseAddress, path).ToString(), "[]", "", ct);
        var added = page.Markers.Select((m, i) =>
        {
            reader.componentByKey[Key(m)] = i + 1;
            return (JsonNode)new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = m.DeepClone() };
        }).ToArray();
        await reader.UpdateComponentsAsync(added, page.State, ct);
        reader.count = page.SliderCount;
        await reader.ready.Task.WaitAsync(TimeSpan.FromMinutes(3), ct);
        return reader;
    }

    /// <summary>One change: the slider one step on (or back to all dates from the last step), timed.</summary>
    public async Task<(double KeyToView, double NavigationToView)> StepAsync(CancellationToken ct)
    {
        var to = position >= count ? 0 : position + 1;
        lock (gate) navigation = NewSource<string>();
        var clock = Stopwatch.StartNew();
        // As the browser does for a key press: an input event (it bubbles to the slider's wrapper: the label), then
        // a change event on the slider (the step).
        var value = to.ToString(CultureInfo.InvariantCulture);
        if (sliderHandler is { } input) await DispatchAsync(input, "input", value, ct);
        await DispatchAsync(commitHandler ?? throw new InvalidOperationException("the slider's change handler is not known"), "change", value, ct);
        var uri = await navigation.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        var navigated = clock.Elapsed;
        var page = await GetPageAsync(uri, enhanced: true, ct);
        Task? geojson = page.GeoJson is { } g ? http.GetByteArrayAsync(g, ct) : null;
        await hub.SendAsync("OnLocationChanged", new Uri(http.BaseAddress!, uri).ToString(), null, false, ct);
        var updated = page.Markers
            .Where(m => componentByKey.ContainsKey(Key(m)))
            .Select(m => (JsonNode)new JsonObject { ["type"] = "update", ["ssrComponentId"] = componentByKey[Key(m)], ["marker"] = m.DeepClone() })
            .ToArray();
        await UpdateComponentsAsync(updated, page.State, ct);
        if (geojson is not null) await geojson;
        position = to;
        return (clock.Elapsed.TotalMilliseconds, (clock.Elapsed - navigated).TotalMilliseconds);
    }

    Task DispatchAsync(ulong handler, string eventName, string value, CancellationToken ct)
    {
        var descriptor = new JsonObject { ["eventHandlerId"] = handler, ["eventName"] = eventName, ["eventFieldInfo"] = null };
        var args = new JsonArray(descriptor, new JsonObject { ["value"] = value });
        return hub.SendAsync("BeginInvokeDotNetFromJS", Interlocked.Increment(ref nextCall).ToString(CultureInfo.InvariantCulture), null, "DispatchEventAsync", interopObject, args.ToJsonString(AsBrowserWrites), ct);
    }

    async Task UpdateComponentsAsync(JsonNode[] operations, string state, CancellationToken ct)
    {
        var done = NewSource<bool>();
        long batch;
        lock (gate)
        {
            batch = nextBatch++;
            updates[batch] = done;
        }
        // Written as JSON.stringify writes it: a marker's base64 descriptor keeps its '+' (not \u002B), which keeps the
        // message within the hub's 32 KB limit as the browser's is.
        var json = new JsonObject { ["batchId"] = batch, ["operations"] = new JsonArray(operations) }.ToJsonString(AsBrowserWrites);
        await hub.SendAsync("UpdateRootComponents", json, state, ct);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
    }

    async Task<Page> GetPageAsync(string uri, bool enhanced, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        // What blazor.web.js sends for an enhanced navigation; the server then answers with the page to patch in.
        request.Headers.Accept.Add(enhanced ? MediaTypeWithQualityHeaderValue.Parse("text/html; blazor-enhanced-nav=on") : new("text/html"));
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync(ct);
        var markers = MarkerPattern().Matches(html).Select(m => JsonNode.Parse(m.Groups[1].Value)!).ToList();
        var state = StatePattern().Match(html) is { Success: true } s ? s.Groups[1].Value : "";
        var slider = SliderCountPattern().Match(html);
        var geojson = path == "/map" && GeoJsonPattern().Match(html) is { Success: true } g ? System.Net.WebUtility.HtmlDecode(g.Groups[1].Value) : null;
        return new Page(markers, state, slider.Success ? int.Parse(slider.Groups[1].Value, CultureInfo.InvariantCulture) : 0, geojson);
    }

    static readonly bool Debug = Environment.GetEnvironmentVariable("CAPACITY_DEBUG") == "1";

    async Task OnRenderBatchAsync(long batchId, byte[] batch)
    {
        if (Debug) Console.WriteLine($"batch {batchId}: {batch.Length} bytes, slider {RenderBatchScan.RangeInputHandler(batch, "oninput")} {RenderBatchScan.Describe(batch)}");
        var disposed = RenderBatchScan.DisposedHandlers(batch);
        // The slider's wrapper takes the input event (the label follows), the slider's range input the change event
        // (the page follows). When one is rendered again with a new handler (an attribute edit, without its element),
        // the batch's one new handler of that event is its own.
        if (RenderBatchScan.MarkedElementHandler(batch, "data-time-slider-follow", "oninput") is { } input)
        {
            sliderHandler = input;
        }
        else if (sliderHandler is { } current && disposed.Contains(current))
        {
            var replaced = RenderBatchScan.Handlers(batch, "oninput");
            sliderHandler = replaced.Count == 1 ? replaced[0] : null;
        }
        if (RenderBatchScan.RangeInputHandler(batch, "onchange") is { } change)
        {
            commitHandler = change;
        }
        else if (commitHandler is { } current && disposed.Contains(current))
        {
            var replaced = RenderBatchScan.Handlers(batch, "onchange");
            commitHandler = replaced.Count == 1 ? replaced[0] : null;
        }
        if (commitHandler is null && sliderHandler is not null && interopObject >= 0) Error = "the slider's change handler was lost";
        if (sliderHandler is not null && commitHandler is not null && interopObject >= 0) ready.TrySetResult(true);
        await hub.SendAsync("OnRenderCompleted", batchId, null);
    }

    async Task OnBeginInvokeJSAsync(long asyncHandle, string identifier, string argsJson, int resultType)
    {
        object? result = null;
        if (Debug) Console.WriteLine($"js {asyncHandle} {identifier} {argsJson[..Math.Min(120, argsJson.Length)]} {resultType}");
        switch (identifier)
        {
            case "Blazor._internal.attachWebRendererInterop":
                interopObject = JsonNode.Parse(argsJson)![1]!["__dotNetObject"]!.GetValue<long>();
                if (sliderHandler is not null && commitHandler is not null) ready.TrySetResult(true);
                break;
            case "Blazor._internal.navigationManager.navigateTo":
                var uri = JsonNode.Parse(argsJson)![0]!.GetValue<string>();
                lock (gate) navigation.TrySetResult(uri);
                break;
        }
        // An imported module or other object reference: an id of our own, as the browser would give one.
        if (resultType == 1) result = new Dictionary<string, long> { ["__jsObjectId"] = Interlocked.Increment(ref nextJsObject) };
        if (asyncHandle != 0)
        {
            await hub.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, JsonSerializer.Serialize(new object?[] { asyncHandle, true, result }));
        }
    }

    void OnEndUpdate(long batchId)
    {
        if (Debug) Console.WriteLine($"end update {batchId}");
        lock (gate)
        {
            if (updates.Remove(batchId, out var done)) done.TrySetResult(true);
        }
    }

    /// <summary>As a closing tab: the disconnect beacon ends the circuit at once, then the connection closes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (circuitSecret is not null)
        {
            using var form = new FormUrlEncodedContent([new("circuitId", circuitSecret)]);
            try
            {
                await http.PostAsync("_blazor/disconnect", form);
            }
            catch (HttpRequestException)
            {
                // The server may be gone already; closing the connection below is enough.
            }
        }
        await hub.DisposeAsync();
    }

    static readonly JsonSerializerOptions AsBrowserWrites = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    static string Key(JsonNode marker) => marker["key"]!["locationHash"] + "|" + marker["key"]!["formattedComponentKey"];

    static TaskCompletionSource<T> NewSource<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    sealed record Page(List<JsonNode> Markers, string State, int SliderCount, string? GeoJson);

    [GeneratedRegex(@"<!--Blazor:(\{""type"":""server"".*?\})-->")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex StatePattern();

    [GeneratedRegex(@"data-time-slider[^>]*data-count=""(\d+)""")]
    private static partial Regex SliderCountPattern();

    [GeneratedRegex(@"data-geojson=""([^""]*)""")]
    private static partial Regex GeoJsonPattern();
}

static class HubConnectionBuilderExtensions
{
    /// <summary>blazorpack instead of the builder's default JSON protocol (the last one registered is used).</summary>
    public static IHubConnectionBuilder ConfigureServices(this IHubConnectionBuilder builder)
    {
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        return builder;
    }
}
