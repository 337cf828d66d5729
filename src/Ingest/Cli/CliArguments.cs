namespace AleppoDashboard.Ingest.Cli;

/// <summary>The command line: a command, positional values and --options (each --option takes one value).</summary>
public sealed record CliArguments(string Command, IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string> Options)
{
    public const string Usage = """
        usage:
          ingest <folder> --db <file>     load the .txt articles (and manifest.csv) in <folder> once
          watch <folder> --db <file>      keep loading new or changed files as they appear (--interval <seconds>, default 5)
          reextract --db <file>           re-run extraction over stored articles after a gazetteer or lexicon change
        options:
          --reference <folder>            gazetteer, lexicon and outlet files (default: the Reference folder beside the program)
          --max-file-mb <n>               reject article files larger than this (default 8)
        exit codes: 0 every file loaded; 2 some files rejected (each listed); 1 usage or fatal error
        """;

    public static CliArguments? Parse(string[] args)
    {
        if (args.Length == 0) return null;
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length) return null;
                options[args[i][2..]] = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }
        return new CliArguments(args[0].ToLowerInvariant(), positional, options);
    }
}
