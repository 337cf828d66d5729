namespace AleppoDashboard.Data.Reference;

/// <summary>
/// A row of Reference/extraction-cues.csv: words extraction reads as signals, grouped by role
/// (hedge, actor, verb, holder, fraction, number, unit, percent, territory, scope, determiner, speech, relay,
/// pronoun-speech, place-not-before, place-not-after, place-owner, capital-ok). <see cref="Value"/> is what the phrases
/// mean for that role, e.g. role <c>hedge</c>, value <c>over</c>, phrases "more than|over".
/// </summary>
public sealed record ExtractionCue(string Role, string Value, IReadOnlyList<string> Phrases);
