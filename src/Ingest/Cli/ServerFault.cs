using AleppoDashboard.Data.Providers;
using Npgsql;

namespace AleppoDashboard.Ingest.Cli;

/// <summary>
/// Turns the loss of the PostgreSQL server during a run (shut down, restarted, the network gone) into one line for the
/// ingest program, instead of a stack trace. The server rolls back the transaction of the batch that was being
/// written, so the articles already committed stay whole and the next run loads the rest (stored files are skipped).
/// </summary>
public static class ServerFault
{
    public static string? Describe(Exception e, DatabaseTarget target)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is NpgsqlException npgsql)
            {
                // Npgsql's messages name the failure, never the password; the first line is enough to act on.
                var reason = npgsql.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? npgsql.GetType().Name;
                return $"lost {target} ({reason}); the batch being written was rolled back, the articles committed before it are whole. Run again when the server is back: stored files are skipped.";
            }
        }
        return null;
    }
}
