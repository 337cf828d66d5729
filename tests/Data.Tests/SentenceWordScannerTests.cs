using AleppoDashboard.Data.SharedCopyDetection;

namespace AleppoDashboard.Data.Tests;

/// <summary>
/// The shared-copy builder normalises sentences with a reused buffer instead of a string per word; the words it reads,
/// the text key and the shingles must be those of the words as strings, sentence after sentence (no word of the sentence
/// before may leak into the next).
/// </summary>
public class SentenceWordScannerTests
{
    [Fact]
    public void KeysAndShinglesAreThoseOfTheWordsAsStringsForEverySentenceInTurn()
    {
        var random = new Random(11);
        const string alphabet = "aB1 '’-\t.,“”ÉéÅ\u0301حل ";
        var texts = new List<string>
        {
            "“The advance is going according to plan,” a source said.",
            "Assad’s forces took Masaken Hanano, the army said.",
            "",
            "one",
            "A sentence long enough to need the scanner's buffer to grow: " + string.Join(' ', Enumerable.Repeat("Aleppo", 200)),
        };
        texts.AddRange(Enumerable.Range(0, 3000).Select(_ => new string(Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray())));
        var scanner = new SentenceWordScanner();
        foreach (var text in texts)
        {
            scanner.Scan(text);
            var words = scanner.Words;
            Assert.Equal(words, SharedCopyDetector.NormalisedWords(text));
            Assert.Equal(Fnv(string.Join(' ', words)), scanner.Key);
            Assert.Equal(SharedCopyDetector.Shingles(words), scanner.Shingles());
        }
        scanner.Scan("Assad’s forces");
        Assert.Equal(["assads", "forces"], scanner.Words);
    }

    static ulong Fnv(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text) h = (h ^ c) * 1099511628211UL;
        return h;
    }
}
