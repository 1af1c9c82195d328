using HoldingToAccount.Core.Grammar;

namespace HoldingToAccount.Tests.Core;

public sealed class CountedTests
{
    [Theory]
    [InlineData(0, "0 actions")]
    [InlineData(1, "1 action")]
    [InlineData(2, "2 actions")]
    [InlineData(1204, "1,204 actions")]
    public void A_count_reads_with_its_noun_in_the_singular_or_plural_as_people_write_it(int count, string expected) =>
        Assert.Equal(expected, Counted.Of(count, "action"));

    [Fact]
    public void A_noun_with_an_irregular_plural_takes_the_plural_it_is_given() =>
        Assert.Equal("3 people", Counted.Of(3, "person", "people"));
}
