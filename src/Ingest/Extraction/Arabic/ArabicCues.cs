using System.Globalization;
using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Ingest.Extraction.Arabic;

/// <summary>
/// The Arabic cue words of <c>extraction-cues-ar.csv</c>, one phrase table per role (the roles are listed in
/// EXTRACTION.md). Each phrase's value is its row's value: a number, a share, a side, a hedge or a scope.
/// </summary>
public sealed class ArabicCues
{
    static readonly string[] Roles =
    [
        "percent", "number", "fraction", "hedge", "unit", "count-of", "verb", "actor", "not-subject-before", "holder", "scope", "pointer",
        "not-territory", "territory", "place-generic", "place-ambiguous", "speech",
    ];

    readonly Dictionary<string, ArabicPhraseTable<string>> tables;

    /// <summary>
    /// The same tables keyed by the role strings' identity: the extractor asks with literals ("speech"), the same interned
    /// strings as <see cref="Roles"/>, many times a sentence, and this spares hashing the role's letters each time.
    /// </summary>
    readonly Dictionary<string, ArabicPhraseTable<string>> byLiteral;

    public ArabicCues(IReadOnlyList<ExtractionCue> cues)
    {
        tables = Roles.ToDictionary(r => r, _ => new ArabicPhraseTable<string>(Words));
        byLiteral = new Dictionary<string, ArabicPhraseTable<string>>(tables, ReferenceEqualityComparer.Instance);
        foreach (var cue in cues)
        {
            if (!tables.TryGetValue(cue.Role, out var table))
            {
                throw new ReferenceDataException($"{ReferenceFiles.ArabicCuesFile}: unknown role '{cue.Role}'.");
            }
            if (cue.Role is "number" or "fraction" && !double.TryParse(cue.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                throw new ReferenceDataException($"{ReferenceFiles.ArabicCuesFile}: role '{cue.Role}' needs a number as value, not '{cue.Value}'.");
            }
            foreach (var phrase in cue.Phrases) table.Add(phrase, cue.Value);
        }
    }

    /// <summary>The words of every phrase table of the extractor: these cues' and the names', sources' and terms' tables.</summary>
    public ArabicWords Words { get; } = new();

    public ArabicPhraseTable<string> this[string role] => byLiteral.TryGetValue(role, out var table) ? table : tables[role];

    /// <summary>The value of a <paramref name="role"/> phrase at token <paramref name="i"/>, with where it ends, or null.</summary>
    public ArabicMatch<string>? At(string role, List<ArabicToken> tokens, int i) =>
        i >= 0 && i < tokens.Count ? this[role].MatchAt(tokens, i) : null;

    /// <summary>A <paramref name="role"/> phrase that ends just before token <paramref name="end"/> (looking back up to four tokens).</summary>
    public ArabicMatch<string>? EndingAt(string role, List<ArabicToken> tokens, int end)
    {
        for (var start = Math.Max(0, end - 4); start < end; start++)
        {
            if (At(role, tokens, start) is { } m && m.End == end) return m;
        }
        return null;
    }

    public static double Number(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
}
