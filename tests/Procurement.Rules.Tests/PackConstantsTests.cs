namespace Procurement.Rules.Tests;

[TestFixture]
[Category("Approval")]
public class PackConstantsTests
{
    [TestCaseSource(typeof(RulePack), nameof(RulePack.EmbeddedPackIds))]
    public void Constants_ForEachEmbeddedPack_MatchThePack(string packId)
    {
        var pack = RulePack.GetEmbedded(packId);

        Approval.Verify(PackConstants.Generate(pack), PackConstants.FileFor(pack), $"The constants for pack {packId}");
    }

    [Test]
    public void Constants_Burnham2009_AreTheIdsInThePack()
    {
        RulePack.Default.Rules.Select(r => r.Id).Should().Contain(Burnham2009.Rules.FairTender.NhsOnlyNeedsReason)
            .And.Contain(Burnham2009.Rules.Oversight.Scenario4Assurance);
        RulePack.Default.Principles.Select(p => p.Key).Should().Contain(Burnham2009.Principles.FairTender);
        Burnham2009.PackId.Should().Be(RulePack.DefaultPackId);
    }

    [TestCase("fair-tender", "FairTender")]
    [TestCase("scenario-1-assurance", "Scenario1Assurance")]
    [TestCase("2013-regulations", "_2013Regulations")]
    public void Pascal_Id_GivesAnIdentifier(string id, string expected) => PackConstants.Pascal(id).Should().Be(expected);

    [Test]
    public void Diff_ChangedLine_ShowsRemovedAndAddedWithLineNumbers()
    {
        var diff = Approval.Diff("a\nb\nc", "a\nB\nc");

        diff.Should().Be("-     2: b\n+     2: B".Replace("\n", Environment.NewLine, StringComparison.Ordinal));
    }
}
