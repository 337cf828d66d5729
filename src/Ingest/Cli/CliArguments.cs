namespace AleppoDashboard.Ingest.Cli;

/// <summary>The command line: a command, positional values, --options (each takes one value) and --flags (<see cref="Flags"/>, no value).</summary>
public sealed record CliArguments(string Command, IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string> Options)
{
    public const string Usage = """
        usage:
          ingest <folder> --db <file>     load the articles (.txt, .html/.htm, .jsonl/.json, .rss/.atom/.xml, any of them .gz; and manifest.csv) in <folder> once
          watch <folder> --db <file>      keep loading new or changed files as they appear (--interval <seconds>, default 5); a file is
                                          read once unchanged for --settle <seconds> (default twice the interval, at least 2);
                                          hidden and temporary names (.x, x~, x.swp, x.tmp, x.part) are never read
          reextract --db <file>           re-run extraction over stored articles after a gazetteer or lexicon change
          evaluate <folder> --gold <file> score the extractor on annotated articles (gold format: Reference/EXTRACTION.md); writes nothing;
                                          each file's language is read from its text (--language en|ar to set it)
          spelling-collisions <word list> list the words the spelling-tolerant place matching would read as a place
          inspect <file>...               print what the ingest would store for each file (one JSON object a line); writes nothing
          copy --to-postgres <conn> --db <file>
                                          move the corpus of a SQLite file into an empty PostgreSQL database, then check every
                                          table's row count and content hash (--to-postgres - reads Database__ConnectionString)
        options:
          --reference <folder>            gazetteer, lexicon and outlet files (default: the Reference folder beside the program)
          --max-file-mb <n>               reject article files larger than this (default 8)
          --verbose                       ingest: print a line for every file loaded, not only for rejects and warnings
          --progress-seconds <n>          ingest: a progress line every n seconds (default 5; 0: after every committed batch)
          --timings                       ingest: after the summary, the wall and CPU seconds spent in each stage (read, extract,
                                          each table's inserts, indexes, shared-copy detection)
          --provider sqlite|postgres      where the corpus is (default sqlite: the --db file); postgres reads the server's
                                          connection string from Database__ConnectionString (never from the command line,
                                          where other users of the machine could read it)
        environment (used when the argument is not given; the docker-compose ingest service relies on them):
          Database__Provider = --provider, Database__ConnectionString = the PostgreSQL connection string,
          Database__Path = the --db file, Ingest__Folder = the <folder>, Ingest__IntervalSeconds, Ingest__SettleSeconds, Reference__Path, Ingest__MaxFileMb
        exit codes: 0 every file loaded; 2 some files rejected (each listed); 1 usage or fatal error
        """;

    /// <summary>Environment variables that stand in for arguments (the same keys as the web app's configuration).</summary>
    public static readonly IReadOnlyDictionary<string, string> EnvironmentFallbacks = new Dictionary<string, string>
    {
        ["db"] = "Database__Path",
        ["provider"] = "Database__Provider",
        ["folder"] = "Ingest__Folder",
        ["interval"] = "Ingest__IntervalSeconds",
        ["settle"] = "Ingest__SettleSeconds",
        ["reference"] = "Reference__Path",
        ["max-file-mb"] = "Ingest__MaxFileMb",
    };

    /// <summary>Options that take no value; present means "true".</summary>
    public static readonly IReadOnlySet<string> Flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "verbose", "timings" };

    public bool Has(string flag) => Options.ContainsKey(flag);

    public static CliArguments? Parse(string[] args) => Parse(args, Environment.GetEnvironmentVariable);

    public static CliArguments? Parse(string[] args, Func<string, string?> environment)
    {
        if (args.Length == 0) return null;
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && Flags.Contains(args[i][2..]))
            {
                options[args[i][2..]] = "true";
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length) return null;
                options[args[i][2..]] = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }
        foreach (var (option, variable) in EnvironmentFallbacks)
        {
            if (option != "folder" && !options.ContainsKey(option) && environment(variable) is { Length: > 0 } value)
            {
                options[option] = value;
            }
        }
        var command = args[0].ToLowerInvariant();
        if (positional.Count == 0 && command is "ingest" or "watch" && environment(EnvironmentFallbacks["folder"]) is { Length: > 0 } folder)
        {
            positional.Add(folder);
        }
        return new CliArguments(command, positional, options);
    }
}
