using AleppoDashboard.Data.Filtering;
using AleppoDashboard.Ingest.Text;

namespace AleppoDashboard.Ingest.Tests.Text;

public class LanguageGuessTests
{
    [Fact]
    public void EveryLanguageTheGuessCanStoreIsOneTheFilterAccepts()
    {
        // Otherwise articles of that language would be stored but `lang=<it>` refused with a 400.
        Assert.Empty(LanguageGuess.Tags.Except(FilterParser.LanguageCodes));
    }

    [Theory]
    [InlineData("Пресс-служба сообщила, что правительственные войска заняли несколько кварталов восточного Алеппо за ночь.", "ru")]
    [InlineData("Les forces gouvernementales ont repris le contrôle de la vieille ville et des quartiers est, selon une source qui est sur place avec les habitants.", "fr")]
    public void TheGuessNamesTagsFromItsList(string text, string tag)
    {
        Assert.Equal(tag, LanguageGuess.Guess(text));
        Assert.Contains(tag, LanguageGuess.Tags);
    }
}
