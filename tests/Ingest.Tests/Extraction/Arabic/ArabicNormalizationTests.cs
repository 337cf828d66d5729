using AleppoDashboard.Data.Text;

namespace AleppoDashboard.Ingest.Tests.Extraction.Arabic;

/// <summary>The one Arabic normalisation: each rule with examples of its own.</summary>
public class ArabicNormalizationTests
{
    [Theory]
    [InlineData("أحمد", "احمد")]
    [InlineData("إدارة", "اداره")]
    [InlineData("آثار", "اثار")]
    [InlineData("ٱلقدس", "القدس")]
    public void EveryAlefFormIsAPlainAlef(string word, string normalized) =>
        Assert.Equal(normalized, ArabicNormalization.Normalize(word));

    [Theory]
    [InlineData("مدرسة", "مدرسه")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("مسؤول", "مسوول")]
    [InlineData("رئيس", "رييس")]
    public void TaaMarbutaAlefMaqsuraAndHamzaSeatsAreFolded(string word, string normalized) =>
        Assert.Equal(normalized, ArabicNormalization.Normalize(word));

    [Theory]
    [InlineData("مَدِينَةٌ", "مدينه")]
    [InlineData("شــــارع", "شارع")]
    [InlineData("الشّيخ", "الشيخ")]
    [InlineData("سَيْطَرَتْ", "سيطرت")]
    public void HarakatShaddaAndTatweelAreDropped(string word, string normalized) =>
        Assert.Equal(normalized, ArabicNormalization.Normalize(word));

    [Theory]
    [InlineData("٦٤٪", "64%")]
    [InlineData("۱۲ حیا", "12 حيا")]
    [InlineData("٣٫٥", "3.5")]
    [InlineData("12 ٪", "12 %")]
    public void ArabicIndicAndPersianDigitsBecomeAscii(string text, string normalized) =>
        Assert.Equal(normalized, ArabicNormalization.Normalize(text));

    [Theory]
    [InlineData("والمستشفى", "المستشفي")]
    [InlineData("فالمدرسة", "المدرسه")]
    [InlineData("بالحديقة", "الحديقه")]
    [InlineData("كالعادة", "العاده")]
    [InlineData("وبالسوق", "السوق")]
    [InlineData("للمدرسة", "المدرسه")]
    [InlineData("وللجامعة", "الجامعه")]
    public void ClitcsFusedToTheArticleAreTakenOff(string word, string normalized) =>
        Assert.Equal(normalized, ArabicNormalization.Normalize(word));

    [Theory]
    [InlineData("والي")]
    [InlineData("بالغ")]
    [InlineData("بستان")]
    [InlineData("فلسطين")]
    [InlineData("كتاب")]
    public void WordsThatOnlyLookLikeACliticStayWhole(string word) =>
        Assert.Equal(word, ArabicNormalization.Normalize(word));

    [Fact]
    public void PunctuationAndLatinTextAreKept() =>
        Assert.Equal("قال: (AFP) ان الجيش،", ArabicNormalization.Normalize("قالَ: (AFP) إنّ الجيشَ،"));

    [Fact]
    public void TwoSpellingsOfOneNameNormalizeAlike() =>
        Assert.Equal(ArabicNormalization.Normalize("بالأشرفيّة"), ArabicNormalization.Normalize("الاشرفيه"));
}
