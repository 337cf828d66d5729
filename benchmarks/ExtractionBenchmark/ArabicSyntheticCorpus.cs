using System.Text;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Data.Reference;
using AleppoDashboard.Ingest.Loading;

namespace AleppoDashboard.ExtractionBenchmark;

/// <summary>
/// Arabic articles (language ar) made from sentence templates written for the benchmark, with the gazetteer's Arabic
/// names, shares and sources put in at random (fixed seed): control claims, lists of districts, attribution, and
/// ordinary news sentences with none of them, in about the proportions of a battle report.
/// </summary>
public static class ArabicSyntheticCorpus
{
    static readonly string[] Templates =
    [
        "أعلنت وزارة الدفاع الروسية أن القوات الحكومية باتت تسيطر على {share} من الأحياء الشرقية لمدينة حلب.",
        "وقال المرصد السوري لحقوق الإنسان إن قوات النظام تقدمت في حي {place} وسيطرت على أجزاء من {place}.",
        "وتمكن الجيش السوري وحلفاؤه من استعادة السيطرة على أحياء {place} و{place} و{place} بعد اشتباكات عنيفة.",
        "وبحسب مصدر عسكري فإن المسلحين انسحبوا من {place} باتجاه {place} تحت غطاء ناري كثيف.",
        "ولم يبق تحت سيطرة الفصائل المعارضة سوى {share} من مساحة حلب الشرقية.",
        "خسرت المعارضة نحو {fraction} مناطق سيطرتها في شرق حلب خلال أسبوعين.",
        "ونزح آلاف المدنيين من الأحياء المحاصرة نحو مناطق سيطرة الحكومة في غرب المدينة.",
        "وذكرت وكالة سانا أن وحدات الجيش أعادت الأمن إلى {place} وعثرت على مستودعات للأسلحة.",
        "وتعرضت أحياء {place} و{place} لقصف جوي ومدفعي مكثف منذ ساعات الصباح الأولى.",
        "وأكد ناشطون أن المستشفيات الميدانية خرجت عن الخدمة بسبب نقص الوقود والأدوية.",
        "ويرى محللون أن سقوط الأحياء الشرقية سيغير موازين القوى في الشمال السوري.",
        "وقالت الأمم المتحدة إن الوضع الإنساني في المدينة كارثي وطالبت بهدنة فورية.",
    ];

    static readonly string[] Shares = ["78%", "%85", "90 بالمئة", "٩٣٪", "70 في المئة", "تسعين بالمئة", "أكثر من 60%", "قرابة 40%"];
    static readonly string[] Fractions = ["نصف", "ثلث", "ثلثي", "ربع", "ثلاثة أرباع"];

    public static List<Article> Build(IReadOnlyList<Place> gazetteer, long targetBytes, out long bytes)
    {
        var names = gazetteer.Where(p => p.NameAr is not null && p.Kind != "city-part").Select(p => p.NameAr!).ToArray();
        var random = new Random(2016);
        var outlet = new Outlet { Slug = "synthetic-ar", Name = "منفذ تجريبي" };
        var articles = new List<Article>();
        bytes = 0;
        while (bytes < targetBytes)
        {
            var body = new StringBuilder();
            for (var p = 0; p < 12; p++)
            {
                for (var s = 0; s < 3; s++) body.Append(Fill(Templates[random.Next(Templates.Length)], names, random)).Append(' ');
                body.Append('\n');
            }
            var article = new Article
            {
                Id = articles.Count + 1,
                Headline = Fill(Templates[random.Next(Templates.Length)], names, random),
                Body = body.ToString(),
                SourceFile = $"synthetic-ar-{articles.Count}.txt",
                ContentHash = "",
                Outlet = outlet,
                Language = "ar",
            };
            article.Sentences = ArticleBuilder.SentencesOf(article);
            bytes += Encoding.UTF8.GetByteCount(article.Headline) + Encoding.UTF8.GetByteCount(article.Body);
            articles.Add(article);
        }
        return articles;
    }

    static string Fill(string template, string[] names, Random random)
    {
        var text = new StringBuilder(template);
        Replace(text, "{place}", () => names[random.Next(names.Length)]);
        Replace(text, "{share}", () => Shares[random.Next(Shares.Length)]);
        Replace(text, "{fraction}", () => Fractions[random.Next(Fractions.Length)]);
        return text.ToString();
    }

    static void Replace(StringBuilder text, string slot, Func<string> value)
    {
        for (var at = text.ToString().IndexOf(slot, StringComparison.Ordinal); at >= 0; at = text.ToString().IndexOf(slot, StringComparison.Ordinal))
        {
            text.Remove(at, slot.Length).Insert(at, value());
        }
    }
}
