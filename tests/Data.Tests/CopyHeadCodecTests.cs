using AleppoDashboard.Data.SharedCopyDetection;

namespace AleppoDashboard.Data.Tests;

/// <summary>
/// A stored head (<see cref="SharedCopyHead"/>) gives back exactly the rows it was made of: rows of one article in a
/// run, sentence ids that go down as well as up (an article re-ingested gets new, higher ids), large ids and outlets.
/// </summary>
public class CopyHeadCodecTests
{
    [Fact]
    public void RowsComeBackAsTheyWentIn()
    {
        CopyHead[] rows =
        [
            new(1_000_007, 3, 0, 2),
            new(1_000_009, 3, 2, 2),
            new(12, 3, 9, 2),
            new(20_999_470, 4, 1, 300),
            new(5, 1_000_000, 127, 0),
            new(6, 1_000_000, 128, 70_000),
            new(int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue),
        ];
        Assert.Equal(rows, CopyHeadCodec.Decode(CopyHeadCodec.Encode(rows)));
        Assert.Empty(CopyHeadCodec.Decode(CopyHeadCodec.Encode([])));
    }

    [Fact]
    public void ARandomHeadInArticleOrderComesBackWhole()
    {
        var random = new Random(18);
        var rows = new List<CopyHead>();
        var (article, index) = (1, 0);
        for (var i = 0; i < 500; i++)
        {
            if (random.Next(3) == 0) (article, index) = (article + random.Next(1, 5_000), random.Next(0, 40));
            else index += random.Next(1, 4);
            rows.Add(new CopyHead(random.Next(1, 21_000_000), article, index, random.Next(0, 25)));
        }
        Assert.Equal(rows, CopyHeadCodec.Decode(CopyHeadCodec.Encode(rows.ToArray())));
    }
}
