using System.Data.Common;
using System.Globalization;
using AleppoDashboard.Data.Views.Articles;
using AleppoDashboard.Web.Exports;
using CsvHelper;

namespace AleppoDashboard.Web.Views.Articles;

/// <summary>
/// Rows of the mentions and claims exports, read by column position (<see cref="MentionColumns"/>, <see cref="ClaimColumns"/>).
/// Rows come by article and sentence, so an article's outlet and date and a sentence's text are read once for
/// all the rows that repeat them ((article id, sentence index) is unique: one sentence).
/// </summary>
public abstract class FactCsvRows : CsvQueryRows
{
    int articleId = -1, sentenceIndex = -1;
    string outlet = "", published = "", sentence = "";

    /// <summary>Reads the article's and sentence's values when they differ from the previous row's.</summary>
    void ReadShared(DbDataReader row, int articleIdColumn, int outletColumn, int publishedColumn, int sentenceIndexColumn, int sentenceColumn)
    {
        var article = row.GetInt32(articleIdColumn);
        var index = row.GetInt32(sentenceIndexColumn);
        if (article != articleId)
        {
            outlet = row.GetString(outletColumn);
            published = row.IsDBNull(publishedColumn)
                ? ""
                : row.GetFieldValue<DateOnly>(publishedColumn).ToString(CsvCells.DateFormat, CultureInfo.InvariantCulture);
            sentenceIndex = -1;
        }
        if (article != articleId || index != sentenceIndex)
        {
            sentence = row.GetString(sentenceColumn);
        }
        articleId = article;
        sentenceIndex = index;
    }

    /// <summary>Reads the row (<see cref="ReadShared"/>) and writes the columns every fact row starts with: article_id, outlet, published.</summary>
    protected void WriteLeadColumns(DbDataReader row, CsvWriter csv, int articleIdColumn, int outletColumn, int publishedColumn, int sentenceIndexColumn, int sentenceColumn)
    {
        ReadShared(row, articleIdColumn, outletColumn, publishedColumn, sentenceIndexColumn, sentenceColumn);
        csv.WriteField(articleId, "");
        csv.WriteField(outlet);
        csv.WriteField(published);
    }

    /// <summary>Writes the columns every fact row ends with: sentence_index, start, length, sentence.</summary>
    protected void WriteSentenceColumns(DbDataReader row, CsvWriter csv, int startColumn, int lengthColumn)
    {
        csv.WriteField(sentenceIndex, "");
        csv.WriteField(row.GetInt32(startColumn), "");
        csv.WriteField(row.GetInt32(lengthColumn), "");
        csv.WriteField(sentence);
    }

    protected static string Text(DbDataReader row, int column) => row.IsDBNull(column) ? "" : row.GetString(column);
}

public sealed class MentionCsvRows : FactCsvRows
{
    public static readonly string[] Header =
        ["article_id", "outlet", "published", "place_id", "place", "matched_text", "sentence_index", "start", "length", "sentence"];

    public override int ColumnCount => MentionColumns.Count;

    public override void Write(DbDataReader row, CsvWriter csv)
    {
        WriteLeadColumns(row, csv, MentionColumns.ArticleId, MentionColumns.Outlet, MentionColumns.Published, MentionColumns.SentenceIndex, MentionColumns.Sentence);
        csv.WriteField(row.GetString(MentionColumns.PlaceId));
        csv.WriteField(row.GetString(MentionColumns.Place));
        csv.WriteField(row.GetString(MentionColumns.MatchedText));
        WriteSentenceColumns(row, csv, MentionColumns.Start, MentionColumns.Length);
    }
}

public sealed class ClaimCsvRows : FactCsvRows
{
    public static readonly string[] Header =
        ["article_id", "outlet", "published", "value_percent", "scope", "kind", "count", "of", "hedge", "attributed_to",
            "matched_text", "sentence_index", "start", "length", "sentence", "stated_percent", "stated_holder"];

    public override int ColumnCount => ClaimColumns.ColumnCount;

    public override void Write(DbDataReader row, CsvWriter csv)
    {
        WriteLeadColumns(row, csv, ClaimColumns.ArticleId, ClaimColumns.Outlet, ClaimColumns.Published, ClaimColumns.SentenceIndex, ClaimColumns.Sentence);
        csv.WriteField(row.GetDouble(ClaimColumns.ValuePercent), CsvCells.NumberFormat);
        csv.WriteField(Text(row, ClaimColumns.Scope));
        csv.WriteField(Text(row, ClaimColumns.Kind));
        WriteNumber(csv, row, ClaimColumns.Count);
        WriteNumber(csv, row, ClaimColumns.Of);
        csv.WriteField(Text(row, ClaimColumns.Hedge));
        csv.WriteField(Text(row, ClaimColumns.AttributedTo));
        csv.WriteField(Text(row, ClaimColumns.MatchedText));
        WriteSentenceColumns(row, csv, ClaimColumns.Start, ClaimColumns.Length);
        if (row.IsDBNull(ClaimColumns.StatedPercent)) csv.WriteField("");
        else csv.WriteField(row.GetDouble(ClaimColumns.StatedPercent), CsvCells.NumberFormat);
        csv.WriteField(row.IsDBNull(ClaimColumns.StatedHolder) ? "" : Text(row, ClaimColumns.StatedHolder));
    }

    static void WriteNumber(CsvWriter csv, DbDataReader row, int column)
    {
        if (row.IsDBNull(column)) csv.WriteField("");
        else csv.WriteField(row.GetInt32(column), "");
    }
}
