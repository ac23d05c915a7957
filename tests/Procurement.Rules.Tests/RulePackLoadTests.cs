namespace Procurement.Rules.Tests;

/// <summary>Every kind of rule-file error fails the load with file, line, column and rule id, all problems at once.</summary>
public class RulePackLoadTests
{
    [Test]
    public void Load_DefaultPackFolder_MatchesEmbeddedDefault()
    {
        var fromFolder = RulePack.LoadFromDirectory(RepoPaths.DefaultPack, DefaultPackOnDisk.Options);

        RulePack.Default.Rules.Select(r => (r.Id, r.Require, r.When)).Should().Equal(fromFolder.Rules.Select(r => (r.Id, r.Require, r.When)),
            "the embedded pack is built from rules/ and must not go stale");
        RulePack.Default.Rules.SelectMany(r => r.Citations).Should().Equal(fromFolder.Rules.SelectMany(r => r.Citations));
    }

    [Test]
    public void Default_IsLoadedOnce() => RulePack.Default.Should().BeSameAs(RulePack.Default);

    [Test]
    public void EmbeddedPackIds_ListsTheDefaultPack() => RulePack.EmbeddedPackIds.Should().Contain(RulePack.DefaultPackId);

    [Test]
    public void GetEmbedded_UnknownId_ThrowsNamingTheEmbeddedPacks()
    {
        var act = () => RulePack.GetEmbedded("no-such-pack");

        act.Should().Throw<ArgumentException>().WithMessage("*no-such-pack*burnham-2009*");
    }

    [Test]
    public void LoadFromDirectory_MissingFolder_ThrowsDirectoryNotFound()
    {
        var act = () => RulePack.LoadFromDirectory(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")));

        act.Should().Throw<DirectoryNotFoundException>();
    }

    [Test]
    public void Load_YamlSyntaxError_NamesFileLineAndColumn()
    {
        using var pack = new TestPack(("broken.rules.yaml", "rules:\n  - id: a\n    title: [unclosed\n"));

        var problem = pack.LoadFails().Problems.Should().ContainSingle().Which;

        problem.File.Should().Be(pack.PathOf("broken.rules.yaml"));
        problem.Message.Should().StartWith("YAML syntax");
        problem.Line.Should().BeGreaterThanOrEqualTo(3);
        problem.Column.Should().NotBeNull();
    }

    [Test]
    public void Load_MisspeltKey_NamesRuleLineColumnAndSuggestion()
    {
        using var pack = TestPack.WithRule("true", extra: "    requires: true\n");
        var (line, column) = pack.Find("test.rules.yaml", "requires:");

        var problem = pack.LoadFails().Problems.Should().ContainSingle().Which;

        problem.Should().BeEquivalentTo(new { File = pack.PathOf("test.rules.yaml"), Line = (int?)line, Column = (int?)column, RuleId = "test.rule" });
        problem.Message.Should().Contain("unknown key 'requires'").And.Contain("did you mean 'require'?");
    }

    [Test]
    public void Load_DuplicateIdAcrossFiles_NamesBothPlaces()
    {
        using var pack = new TestPack(("a.rules.yaml", TestPack.RuleText("true", id: "same.id")), ("b.rules.yaml", TestPack.RuleText("true", id: "same.id")));
        var first = pack.Find("a.rules.yaml", "same.id");

        var problem = pack.LoadFails().Problems.Should().ContainSingle().Which;

        problem.File.Should().Be(pack.PathOf("b.rules.yaml"));
        problem.RuleId.Should().Be("same.id");
        problem.Message.Should().Contain($"duplicate rule id (first defined at {pack.PathOf("a.rules.yaml")}:{first.Line}:{first.Column})");
    }

    [Test]
    public void Load_RuleWithoutCitations_Fails()
    {
        var text = TestPack.RuleText("true");
        text = text[..text.IndexOf("    citations:", StringComparison.Ordinal)];
        using var pack = new TestPack(("test.rules.yaml", text));

        var (line, column) = pack.Find("test.rules.yaml", "id: test.rule");

        var problem = pack.LoadFails().Problems.Should().ContainSingle().Which;

        problem.Should().BeEquivalentTo(new { File = pack.PathOf("test.rules.yaml"), Line = (int?)line, Column = (int?)column, RuleId = "test.rule" });
        problem.Message.Should().Contain("missing required key 'citations'");
    }

    [Test]
    public void Load_EmptyCitationList_Fails()
    {
        var text = TestPack.RuleText("true");
        text = text[..text.IndexOf("    citations:", StringComparison.Ordinal)] + "    citations: []\n";
        using var pack = new TestPack(("test.rules.yaml", text));

        pack.LoadFails().Problems.Should().ContainSingle(p => p.RuleId == "test.rule" && p.Message.Contains("at least one citation"));
    }

    [Test]
    public void Load_ParaphrasedQuote_FailsNamingTheQuote()
    {
        var text = TestPack.RuleText("true").Replace("Fairness and transparency of process", "Fairness and openness of process", StringComparison.Ordinal);
        using var pack = new TestPack(("test.rules.yaml", text));
        var (line, column) = pack.Find("test.rules.yaml", "Fairness and openness");

        var problem = pack.LoadFails().Problems.Should().ContainSingle().Which;

        problem.Should().BeEquivalentTo(new { Line = (int?)line, Column = (int?)column, RuleId = "test.rule" });
        problem.Message.Should().Contain("not verbatim").And.Contain("Fairness and openness of process");
    }

    [Test]
    public void Load_QuoteWithDifferentLineBreaks_IsVerbatimWhitespaceAside()
    {
        var text = TestPack.RuleText("true").Replace("quote: Fairness and transparency of process", "quote: |\n              Fairness and\n              transparency of process", StringComparison.Ordinal);
        using var pack = new TestPack(("test.rules.yaml", text));

        pack.Load().Rules.Single().Citations.Single().Quote.Should().Be("Fairness and transparency of process");
    }

    [Test]
    public void Load_UnknownPrincipleKey_SuggestsTheNearestKey()
    {
        var text = TestPack.RuleText("true").Replace("principle: fair-tender", "principle: fair-tendering", StringComparison.Ordinal);
        using var pack = new TestPack(("test.rules.yaml", text));
        var (line, column) = pack.Find("test.rules.yaml", "fair-tendering");

        var problem = pack.LoadFails().Problems.Should().ContainSingle().Which;

        problem.Should().BeEquivalentTo(new { Line = (int?)line, Column = (int?)column, RuleId = "test.rule" });
        problem.Message.Should().Contain("unknown principle key 'fair-tendering'; did you mean 'fair-tender'?");
    }

    [Test]
    public void Load_ExpressionNamingMissingProperty_PointsAtTheName()
    {
        using var pack = TestPack.WithRule("Tender != null && Tender.Eligibilty == NhsOnly");
        var (line, column) = pack.Find("test.rules.yaml", "Eligibilty");

        var problem = pack.LoadFails().Problems.Should().ContainSingle().Which;

        problem.Should().BeEquivalentTo(new { Line = (int?)line, RuleId = "test.rule" });
        problem.Column.Should().BeInRange(column - 1, column + "Eligibilty".Length, "the column points at the unknown name");
        problem.Message.Should().Contain("'require'").And.Contain("Eligibilty").And.Contain("did you mean 'Eligibility'?");
    }

    [Test]
    public void Load_DatesComparedWithAnOperator_SaysWhichHelperToUseInstead()
    {
        // Rules written before event dates could be imprecise compared First(...) results with < or >=.
        using var pack = TestPack.WithRule("First(StaffEngaged) < First(TenderDecision)");

        var problem = pack.LoadFails().Problems.Should().ContainSingle().Which;

        problem.RuleId.Should().Be("test.rule");
        problem.Message.Should().Contain("EventDate").And.Contain("compare dates with Before(a, b), OnOrBefore(a, b)");
    }

    [Test]
    public void Load_UnknownFactInMessage_Fails()
    {
        var text = TestPack.RuleText("true", facts: "      known: Scenario").Replace("breach: It broke.", "breach: It broke on {unknown}.", StringComparison.Ordinal);
        using var pack = new TestPack(("test.rules.yaml", text));

        pack.LoadFails().Problems.Should().ContainSingle(p => p.RuleId == "test.rule" && p.Message.Contains("'{unknown}'"));
    }

    [Test]
    public void Load_ConditionThatIsNotBoolean_Fails()
    {
        using var pack = TestPack.WithRule("TermMonths");

        pack.LoadFails().Problems.Should().ContainSingle(p => p.RuleId == "test.rule" && p.Message.Contains("'require'"));
    }

    [Test]
    public void Load_FactsUsedInConditions_AreInlined()
    {
        using var pack = TestPack.WithRule("chances >= 2", facts: "      chances: Count(FormalImprovementOpportunity)");

        pack.Load().Rules.Single().FactNames.Should().Equal("chances");
    }

    [Test]
    public void Load_ManyProblemsInManyFiles_ReportsEveryOneAtOnce()
    {
        using var pack = new TestPack(
            ("a.rules.yaml", TestPack.RuleText("NoSuchThing > 1", id: "rule.a")),
            ("b.rules.yaml", TestPack.RuleText("true", id: "rule.b").Replace("severity: major", "severity: huge", StringComparison.Ordinal)),
            ("c.rules.yaml", TestPack.RuleText("GetType() != null", id: "rule.c")));

        var problems = pack.LoadFails().Problems;

        problems.Select(p => (Path.GetFileName(p.File), p.RuleId)).Should().BeEquivalentTo(new[]
        {
            ("a.rules.yaml", "rule.a"),
            ("b.rules.yaml", "rule.b"),
            ("c.rules.yaml", "rule.c"),
        });
        problems.Should().OnlyContain(p => p.Line != null && p.Column != null);
    }

    [Test]
    public void LoadException_Message_ListsEveryProblem()
    {
        using var pack = new TestPack(
            ("a.rules.yaml", TestPack.RuleText("NoSuchThing > 1", id: "rule.a")),
            ("b.rules.yaml", TestPack.RuleText("Nope", id: "rule.b")));

        var exception = pack.LoadFails();

        exception.Message.Should().StartWith("The rule pack could not be loaded (2 problems):");
        exception.Message.Should().Contain("rule 'rule.a'").And.Contain("rule 'rule.b'");
    }

    [Test]
    public void Load_InvalidRuleId_Fails()
    {
        using var pack = TestPack.WithRule("true", id: "Not An Id");

        pack.LoadFails().Problems.Should().Contain(p => p.Message.Contains("a rule id must be"));
    }

    [Test]
    public void Load_UnknownScenario_Fails()
    {
        using var pack = TestPack.WithRule("true", extra: "    scenarios: [7]\n");

        pack.LoadFails().Problems.Should().ContainSingle(p => p.Message.Contains("'7' is not a scenario number"));
    }

    [Test]
    public void Load_PackWithoutInForcePeriod_Fails()
    {
        using var pack = TestPack.WithRule("true");
        var packFile = pack.PathOf("pack.yaml");
        File.WriteAllText(packFile, File.ReadAllText(packFile).Replace("inForce:", "inForceX:", StringComparison.Ordinal));

        pack.LoadFails().Problems.Should().Contain(p => p.Message.Contains("unknown key 'inForceX'"))
            .And.Contain(p => p.Message.Contains("missing required key 'inForce'"));
    }
}
