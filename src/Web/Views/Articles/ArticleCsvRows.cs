using System.Data.Common;
using System.Globalization;
using AleppoDashboard.Data.Articles;
using AleppoDashboard.Web.Exports;
using CsvHelper;

namespace AleppoDashboard.Web.Views.Articles;

/// <summary>
/// Rows of articles.csv read by column position from the SQL of <c>ArticleRows</c> (EF selects the
/// <c>ArticleRow</c> constructor's arguments in order: id, outlet slug, outlet name, published, precision, headline,
/// url, source file, words, content hash), so that the export streams through <see cref="CsvQueryResult"/>.
/// </summary>
public sealed class ArticleCsvRows : CsvQueryRows
{
    public static readonly string[] Header =
        ["article_id", "outlet", "outlet_slug", "published", "date_precision", "headline", "url", "source_file", "words", "content_hash"];

    const int Id = 0, OutletSlug = 1, OutletName = 2, Published = 3, Precision = 4, Headline = 5, Url = 6, SourceFile = 7, Words = 8, ContentHash = 9;

    static readonly string[] PrecisionNames = Enum.GetValues<DatePrecision>().Select(p => p.ToString().ToLowerInvariant()).ToArray();

    public override int ColumnCount => 10;

    public override void Write(DbDataReader row, CsvWriter csv)
    {
        csv.WriteField(row.GetInt32(Id).ToString(CultureInfo.InvariantCulture));
        csv.WriteField(row.GetString(OutletName));
        csv.WriteField(row.GetString(OutletSlug));
        csv.WriteField(row.IsDBNull(Published) ? "" : CsvCells.Of(row.GetFieldValue<DateOnly>(Published)));
        var precision = row.GetInt32(Precision);
        csv.WriteField(precision >= 0 && precision < PrecisionNames.Length ? PrecisionNames[precision] : ((DatePrecision)precision).ToString().ToLowerInvariant());
        csv.WriteField(row.GetString(Headline));
        csv.WriteField(row.IsDBNull(Url) ? "" : row.GetString(Url));
        csv.WriteField(row.GetString(SourceFile));
        csv.WriteField(row.GetInt32(Words).ToString(CultureInfo.InvariantCulture));
        csv.WriteField(row.GetString(ContentHash));
    }
}
