using AleppoDashboard.Data.Reference;

namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// Rejects a name match that the words around it show to be something else: a person ("Hossein Jaberi
/// Ansari", "President ... said"), or a place of the same name elsewhere ("Iraq's Salah al-Din province",
/// "the Citadel of Damascus"). The cue words come from Reference/extraction-cues.csv.
/// </summary>
public sealed class PlaceContextFilter(ExtractionVocabulary vocabulary)
{
    public bool Accepts(string text, List<Token> tokens, PhraseHit<Place> hit, bool titleCase)
    {
        var first = Tokenizer.IndexAt(tokens, hit.Start);
        var afterLast = Tokenizer.IndexAt(tokens, hit.End);
        if (first == tokens.Count) return true;

        if (vocabulary.PlaceNotBefore.EndingAt(tokens, first).Length > 0) return false;
        var last = tokens[afterLast - 1];
        if (afterLast - first > 1 && !titleCase && char.IsLower(text[last.Start]) && vocabulary.Speech.Contains(last.Text))
        {
            return false; // "the Sheikh said" is not Sheikh Said
        }
        if (first >= 2 && tokens[first - 1].Is(".") && vocabulary.PlaceNotBefore.EndingAt(tokens, first - 1).Length > 0) return false;
        if (vocabulary.PlaceNotAfter.At(tokens, afterLast).Length > 0) return false;

        if (first > 0 && tokens[first - 1] is { IsWord: true, Possessive: true } owner && IsCapitalized(text, owner)
            && !vocabulary.PlaceOwners.Contains(owner.Text))
        {
            return false; // "Iraq's Salah al-Din", "Homs' Old City"
        }
        if (afterLast + 1 < tokens.Count && tokens[afterLast].Is("of") && tokens[afterLast + 1] is { IsWord: true } ofWhat
            && IsCapitalized(text, ofWhat) && !vocabulary.PlaceOwners.Contains(ofWhat.Text) && !vocabulary.CapitalOk.Contains(ofWhat.Text))
        {
            return false; // "the Citadel of Damascus"
        }
        var oneWord = afterLast - first == 1 + (tokens[first].Is("al") ? 1 : 0);
        if (oneWord && afterLast < tokens.Count && vocabulary.Speech.At(tokens, afterLast).Length > 0
            && (first == 0 || !vocabulary.PlacePrepositions.Contains(tokens[first - 1].Text)))
        {
            return false; // "Ansari said": a person speaks; "residents of Sukkari said" keeps the place
        }
        if (!titleCase && first > 0 && afterLast - first == 1 + (tokens[first].Is("al") ? 1 : 0)
            && tokens[first - 1] is { IsWord: true, Possessive: false, Number: null } before
            && IsCapitalized(text, before) && IsPlainName(text, before) && !vocabulary.CapitalOk.Contains(before.Text))
        {
            return false; // a one-word name after another capitalised name: a person ("Jaberi Ansari", "Fatima al-Zahraa")
        }
        return true;
    }

    static bool IsCapitalized(string text, Token token) => char.IsUpper(text[token.Start]);

    static bool IsPlainName(string text, Token token)
    {
        for (var i = token.Start; i < token.End; i++)
        {
            if (!char.IsLetter(text[i])) return false;
        }
        // a hyphenated word ("Kurdish-held") is not a given name
        return token.End >= text.Length || !TextFolding.IsSeparator(text[token.End]) || text[token.End] == ' ';
    }

    /// <summary>A headline-style sentence, where most words are capitalised and capitals say nothing.</summary>
    public static bool IsTitleCase(string text, List<Token> tokens)
    {
        int words = 0, capitals = 0;
        foreach (var t in tokens)
        {
            if (!t.IsWord || t.Number is not null || t.End - t.Start < 4) continue;
            words++;
            if (char.IsUpper(text[t.Start])) capitals++;
        }
        return words >= 3 && capitals * 100 >= words * 85;
    }
}
