namespace AleppoDashboard.Data.Views.Compare;

/// <summary>What a row of the comparison is about.</summary>
public enum CompareTopicKind
{
    Place,
    Text,
    Term,
    Claims,
    Wire,
}

/// <summary>One row's topic: a place id, a search text, a lexicon group or term id, or none (claims, wire copy).</summary>
public sealed record CompareTopic(CompareTopicKind Kind, string? Key, string Label)
{
    /// <summary>The topic as written in the CSV export: place:sukkari, text:"military source", term:fighters, claims, wire.</summary>
    public string Code => Kind switch
    {
        CompareTopicKind.Place => "place:" + Key,
        CompareTopicKind.Text => "text:" + Key,
        CompareTopicKind.Term => "term:" + Key,
        CompareTopicKind.Claims => "claims",
        _ => "wire",
    };

    /// <summary>The row's element id on the page (place-sukkari, term-fighters, search, claims, wire): ids and slugs are safe in an id.</summary>
    public string Anchor => Kind switch
    {
        CompareTopicKind.Place => "place-" + Key,
        CompareTopicKind.Text => "search",
        CompareTopicKind.Term => "term-" + Key,
        CompareTopicKind.Claims => "claims",
        _ => "wire",
    };

    /// <summary>The element id of one outlet's cell in the row.</summary>
    public string CellAnchor(string outletSlug) => Anchor + "--" + outletSlug;
}
