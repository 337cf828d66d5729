using AleppoDashboard.Ingest.Cli;
using AleppoDashboard.TestSupport;

namespace AleppoDashboard.Ingest.Tests.Evaluation;

/// <summary><c>evaluate</c> on an Arabic gold folder written here: the file's language is read from its text, and gold Arabic names compare after normalisation.</summary>
public sealed class ArabicEvaluateTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("evaluate-ar-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    const string Article =
        "القوات الحكومية تتقدم في حلب الشرقية\n\n" +
        "دخلت وحدات الجيش حي الصاخور صباح الاثنين بعد معارك عنيفة مع الفصائل المسلحة التي انسحبت نحو الأحياء الجنوبية. " +
        "وقال مصدر عسكري إن الجيش يسيطر الآن على ثلث الحي وإن العمليات مستمرة حتى السيطرة الكاملة عليه.";

    // the gold writes the name with a hamza-less alef and the claim's scope by its Arabic name
    const string Gold = """
        [{"file": "a.txt",
          "neighbourhoods": ["الصاخور"],
          "claims": [{"text": "إن الجيش يسيطر الآن على ثلث الحي", "value_percent": 33.3, "scope": "neighbourhood:الصاخور", "kind": "fraction"}]}]
        """;

    [Fact]
    public async Task AnArabicFileIsReadByTheArabicExtractorAndScoredOnArabicNames()
    {
        File.WriteAllText(Path.Combine(folder, "a.txt"), Article);
        File.WriteAllText(Path.Combine(folder, "gold.json"), Gold);
        var (output, errors) = (new StringWriter(), new StringWriter());

        var code = await IngestProgram.RunAsync(["evaluate", folder, "--gold", Path.Combine(folder, "gold.json"), "--reference", RepoPaths.Reference],
            output, errors, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Contains("place mentions: precision 1.00 (1/1), recall 1.00 (1/1)", output.ToString());
        Assert.Contains("value, scope and kind right: precision 1.00 (1/1), recall 1.00 (1/1)", output.ToString());
    }
}
