using AleppoDashboard.Web.Extensions;

// AleppoDashboard: compare how outlets reported the 2016 battle for east Aleppo.
// Before the host starts its threads, each of which would otherwise get its own glibc arena (NativeHeap).
NativeHeap.LimitArenas();
var builder = WebApplication.CreateBuilder(args);

// Options, the SQLite database, the ingest pipeline and server-rendered Razor components.
builder.AddDashboardServices();

var app = builder.Build();

// Create or upgrade the database, apply the reference files, load seeds/ on first start; a damaged, foreign or newer
// database file is refused with one line and left unchanged.
if (!await app.TryPrepareDatabaseAsync()) return 1;

// Error pages without stack traces, security headers, static files, pages and exports.
app.UseDashboardPipeline();
app.MapDashboardEndpoints();

app.Run();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
