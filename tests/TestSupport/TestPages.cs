using System.IO.Compression;
using System.Text;

namespace AleppoDashboard.TestSupport;

/// <summary>
/// Small pages written for the tests, each shaped like a real news site's: navigation, share bars, captions, related
/// links and a footer around the article, so the reader has to find the article as it would on a saved page.
/// </summary>
public static class TestPages
{
    public const string ArticleText1 = "Government forces advanced into the Sukkari district of east Aleppo on Thursday, a military source said, after a night of heavy shelling across the front line.";
    public const string ArticleText2 = "Residents who fled towards the west of the city described streets without water or power, and field hospitals that had run out of anaesthetics by the weekend.";
    public const string ArticleText3 = "The Syrian Observatory for Human Rights said at least twenty civilians were killed, a figure the government disputed in a statement carried by state media.";

    static string Chrome(string inner) => $$"""
        <nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/middle-east">Middle East</a></li><li><a href="/sport">Sport</a></li></ul></nav>
        <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet this story</a></div>
        {{inner}}
        <aside class="related-stories"><h3>Related stories</h3><ul><li><a href="/a">Ceasefire talks stall in Geneva</a></li><li><a href="/b">Aid convoy reaches Idlib</a></li></ul></aside>
        <div id="comments"><h3>Comments</h3><p>Great article, very informative, thanks for writing it up so quickly!</p></div>
        <footer><p>© 2016 The Example Daily. All rights reserved. Terms of use. Privacy policy. Contact us.</p></footer>
        """;

    static string Story(string headline) => $"""
        <article>
          <h1>{headline}</h1>
          <div class="byline">By Jane Reporter</div>
          <figure><img src="/photo.jpg" alt=""><figcaption>Smoke rises over east Aleppo. Photo: Example Agency</figcaption></figure>
          <div class="article-body">
            <p>{ArticleText1}</p>
            <p>{ArticleText2}</p>
            <p>{ArticleText3}</p>
            <p class="related-link"><a href="/c">READ MORE: Who holds what in Aleppo, in maps</a></p>
          </div>
        </article>
        """;

    /// <summary>A news page whose metadata is in JSON-LD.</summary>
    public static string JsonLdPage => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Forces push into Sukkari | The Example Daily</title>
        <link rel="canonical" href="https://www.example-daily.com/world/forces-push-into-sukkari">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example Daily"},
          {"@type":"NewsArticle","headline":"Forces push into Sukkari as shelling intensifies","datePublished":"2016-12-09T23:30:00+03:00",
           "author":{"@type":"Person","name":"Jane Reporter"},"publisher":{"@type":"Organization","name":"The Example Daily"},"inLanguage":"en"}]}</script>
        </head><body>{{Chrome(Story("Forces push into Sukkari as shelling intensifies"))}}</body></html>
        """;

    /// <summary>A page with Open Graph and article meta tags only.</summary>
    public static string MetaTagsPage => $"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>Aleppo residents flee west - Tasnim</title>
        <meta property="og:title" content="Aleppo residents flee west">
        <meta property="og:site_name" content="Tasnim News Agency">
        <meta property="og:type" content="article">
        <meta property="og:url" content="https://www.tasnimnews.com/en/news/2016/12/08/1261111/aleppo-residents-flee-west">
        <meta property="article:published_time" content="2016-12-08T10:15:00Z">
        <meta name="author" content="Staff writer">
        </head><body>{Chrome(Story("Aleppo residents flee west"))}</body></html>
        """;

    /// <summary>A page whose only date is in its URL, and whose outlet is known only by its domain (outlets.csv).</summary>
    public static string UrlDatedPage => $"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>Monitor counts civilian dead</title>
        <link rel="canonical" href="https://www.middleeastobserver.org/2016/12/07/monitor-counts-civilian-dead/">
        </head><body>{Chrome(Story("Monitor counts civilian dead"))}</body></html>
        """;

    public const string ArabicHeadline = "القوات الحكومية تتقدم في حي الصاخور شرق حلب";
    public const string ArabicParagraph = "قالت مصادر عسكرية إن القوات الحكومية وحلفاءها سيطروا على أجزاء واسعة من الأحياء الشرقية لمدينة حلب بعد قصف عنيف استمر طوال الليل، فيما نزح آلاف المدنيين نحو الأحياء الغربية.";

    /// <summary>An Arabic page saved as Windows-1256, declaring it with http-equiv as older Arabic sites did.</summary>
    public static byte[] ArabicWindows1256Page()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = $"""
            <html dir="rtl"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
            <title>{ArabicHeadline}</title><meta property="og:type" content="article"></head>
            <body><div class="menu"><a href="/">الرئيسية</a> <a href="/news">أخبار</a></div>
            <div class="story"><h1>{ArabicHeadline}</h1><p>{ArabicParagraph}</p><p>{ArabicParagraph}</p><p>{ArabicParagraph}</p></div></body></html>
            """;
        return Encoding.GetEncoding(1256).GetBytes(html);
    }

    /// <summary>A site's front page: teasers and links, no article.</summary>
    public static string HomePage => """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>The Example Daily - News, sport and opinion</title>
        <meta property="og:type" content="website"><meta property="og:url" content="https://www.example-daily.com/"></head>
        <body><nav class="site-nav"><a href="/world">World</a> <a href="/sport">Sport</a></nav>
        <main><section class="top-stories">
          <div class="teaser"><h2><a href="/world/a">Forces push into Sukkari</a></h2><p>Fighting continues.</p></div>
          <div class="teaser"><h2><a href="/world/b">Residents flee west</a></h2><p>Thousands on the move.</p></div>
          <div class="teaser"><h2><a href="/sport/c">Cup final tonight</a></h2><p>Kick-off at eight.</p></div>
        </section></main></body></html>
        """;

    public static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    /// <summary>An RSS feed with one full-content item (content:encoded) and one summary-only item.</summary>
    public const string Feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel><title>Business Recorder</title><link>https://www.brecorder.com/</link><language>en</language><description>News</description>
            <item><title>Syrian army retakes old city of Aleppo</title><link>https://www.brecorder.com/news/2016/12/08/aleppo-old-city</link>
              <guid>https://www.brecorder.com/news/333</guid><pubDate>Thu, 08 Dec 2016 09:00:00 +0000</pubDate>
              <description>The army said it retook the old city.</description>
              <content:encoded><![CDATA[<p>Syrian government forces retook the old city of Aleppo on Thursday, the army said, after rebels withdrew from the historic quarter overnight.</p><p>A monitor said the government now held about 85 percent of east Aleppo.</p>]]></content:encoded></item>
            <item><title>Markets close higher</title><link>https://www.brecorder.com/news/334</link><guid>https://www.brecorder.com/news/334</guid>
              <pubDate>Thu, 08 Dec 2016 10:00:00 +0000</pubDate><description>Stocks rose on Thursday.</description></item>
          </channel></rss>
        """;

    /// <summary>JSON Lines: a news-please record, a plain record, and a bad line between them.</summary>
    public const string JsonLines = """
        {"title":"East Aleppo shrinks","maintext":"Government forces now hold most of east Aleppo, a war monitor said on Saturday, as rebels were pushed back into a small pocket.","date_publish":"2016-12-10 08:00:00","source_domain":"www.reuters.com","url":"https://www.reuters.com/article/syria-aleppo-idUS1","language":"en"}
        {"headline": "Broken record", "body": "this line is cut off
        {"headline":"Evacuation deal reached","body":"An agreement to evacuate fighters and civilians from east Aleppo was reached on Tuesday, officials said.","published":"2016-12-13","outlet":"Syria Truths","url":"https://syriatruths.com/evacuation"}
        """;
}
