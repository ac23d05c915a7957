using Procurement.Model;

namespace Procurement.Rules.Tests;

/// <summary>A pack's inferences (inferences.yaml) load like rules: every problem located by file, line and inference id.</summary>
public class InferenceLoadTests
{
    private const string Rule = "Happened(TenderDecision)";

    private static TestPack With(string inferences) =>
        new(("test.rules.yaml", TestPack.RuleText(Rule)), ("inferences.yaml", inferences));

    private static string One(string id = "a-to-b", string from = "noticePublished", string derive = "tenderDecision", string date = "onOrBefore", string extra = "") => $"""
        inferences:
          - id: {id}
            title: A test inference
            from: {from}
            derive: {derive}
            date: {date}
            reason: Because.
        {extra}
        """;

    [Test]
    public void Load_ValidInference_DerivesAndTheRuleReadsIt()
    {
        using var pack = With(One());

        var report = pack.Load().Check(new ProposedProcurement
        {
            Id = "x",
            Timeline = new[] { new TimelineEvent { Kind = EventKind.NoticePublished, Date = new DateOnly(2010, 5, 1) } },
        });

        report.For("test.rule")!.Kind.Should().Be(OutcomeKind.Compliant);
        report.For("test.rule")!.Derived.Select(d => d.InferenceId).Should().Equal("a-to-b");
    }

    [Test]
    public void Load_NoInferenceFile_LoadsWithoutInferences()
    {
        using var pack = TestPack.WithRule(Rule);

        pack.Load().Inferences.Should().BeEmpty();
    }

    [TestCase("from: noticePublishd", "'from': 'noticePublishd' is not one of", 4)]
    [TestCase("derive: noticePublished", "an inference must derive another kind of event than it reads ('noticePublished')", 2)]
    [TestCase("date: someday", "'date': 'someday' is not one of onOrBefore, on", 6)]
    [TestCase("id: Not_An_Id", "an inference id must be lower-case words", 2)]
    public void Load_BadEntry_ProblemNamesFileLineAndInference(string replace, string message, int line)
    {
        var key = replace[..replace.IndexOf(':', StringComparison.Ordinal)];
        var text = string.Join("\n", One().Split('\n').Select(l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal) && !l.Contains("- id", StringComparison.Ordinal) || (key == "id" && l.Contains("- id", StringComparison.Ordinal)) ? l[..l.IndexOf(key, StringComparison.Ordinal)] + replace : l));
        using var pack = With(text);

        var problem = pack.LoadFails().Problems.Should().ContainSingle().Subject;

        problem.File.Should().EndWith("inferences.yaml");
        problem.Line.Should().Be(line);
        problem.Message.Should().Contain(message);
        if (key != "id")
        {
            problem.RuleId.Should().Be("a-to-b");
        }
    }

    [Test]
    public void Load_UnknownKey_IsAProblemWithASuggestion()
    {
        using var pack = With(One(extra: "    reasons: typo"));

        pack.LoadFails().Problems.Should().ContainSingle().Which.Message.Should().Contain("unknown key 'reasons' in an inference; did you mean 'reason'?");
    }

    [Test]
    public void Load_InferencesInACircle_IsAProblemNamingThem()
    {
        var text = One("a-to-b") + "\n" + string.Join("\n", One("b-to-a", from: "tenderDecision", derive: "noticePublished").Split('\n').Skip(1));
        using var pack = With(text);

        pack.LoadFails().Problems.Should().ContainSingle().Which.Message.Should().Contain("derive in a circle (a-to-b -> b-to-a");
    }

    [Test]
    public void Load_DuplicateId_IsAProblem()
    {
        var text = One("a-to-b") + "\n" + string.Join("\n", One("a-to-b", derive: "concernsRaised").Split('\n').Skip(1));
        using var pack = With(text);

        pack.LoadFails().Problems.Should().ContainSingle().Which.Message.Should().Contain("duplicate inference id (first defined at line 2)");
    }

    [Test]
    public void Load_QuoteNotVerbatim_IsAProblem()
    {
        using var pack = With(One(extra: "    citations:\n      - { source: burnham-2009, locator: Letter, quote: The NHS is our only provider }"));

        pack.LoadFails().Problems.Should().ContainSingle().Which.Message.Should().Contain("the quote is not verbatim");
    }

    [Test]
    public void Load_WhenDoesNotParse_IsAProblemAtItsColumn()
    {
        using var pack = With(One(extra: "    when: Tender.Rout == OpenTender"));

        var problem = pack.LoadFails().Problems.Should().ContainSingle().Subject;
        problem.Message.Should().Contain("'when'");
        problem.RuleId.Should().Be("a-to-b");
        problem.Line.Should().Be(8);
    }

    [Test]
    public void Load_TooManyInferences_IsAProblem()
    {
        var entries = Enumerable.Range(0, 65).Select(i => $"  - {{ id: i{i}, title: T, from: bidReceived, derive: noticePublished, date: on, reason: R }}");
        using var pack = With("inferences:\n" + string.Join("\n", entries) + "\n");

        pack.LoadFails().Problems.Should().ContainSingle().Which.Message.Should().Contain("at most 64 inferences");
    }
}
