using Procurement.Model;

namespace Procurement.Rules.Tests;

/// <summary>Procurement files: YAML and JSON read strictly, every problem listed with file, path and line.</summary>
public class ProcurementFileTests
{
    private const string ManyProblemsYaml = """
        id: many-problems
        scenaro: underperformance
        termMonths: twelve
        tender:
          eligibility: nhsOnlee
        timeline:
          - date: 2009-10-01
            kind: noticePublished
          - date: 2009-02-30
            kind: tenderDecision
          - date: between 2009-03-01 and 2009-01-01
            kind: bidReceived
        """;

    [Test]
    public void ParseYaml_ManyProblems_ListsEveryOneWithPathAndLine()
    {
        var act = () => ProcurementFile.ParseYaml(ManyProblemsYaml, "case.yaml");

        var problems = act.Should().Throw<ProcurementLoadException>().Which.Problems;

        problems.Select(p => (p.Path, p.Line)).Should().Equal(
            ("scenaro", 2),
            ("termMonths", 3),
            ("tender.eligibility", 5),
            ("timeline[1].date", 9),
            ("timeline[2].date", 11));
        problems.Should().OnlyContain(p => p.File == "case.yaml" && p.Column != null);
        problems[0].Message.Should().Contain("unknown key 'scenaro'; did you mean 'scenario'?");
        problems[1].Message.Should().Contain("'twelve' is not a whole number");
        problems[2].Message.Should().Contain("'nhsOnlee' is not one of open, nhsOnly, nonNhsOnly; did you mean 'nhsOnly'?");
        problems[3].Message.Should().Contain("'2009-02-30' is not a valid date");
        problems[4].Message.Should().Contain("ends before it starts");
    }

    [Test]
    public void ParseJson_ManyProblems_ListsEveryOneWithPathAndLine()
    {
        const string json = """
            {
              "id": "many-problems",
              "scenaro": "underperformance",
              "termMonths": "12",
              "timeline": [
                { "date": "2009-02-30", "kind": "tenderDecision" },
                { "date": "2009-10-01", "kind": "bidRecieved" }
              ]
            }
            """;

        var act = () => ProcurementFile.ParseJson(json, "case.json");

        var problems = act.Should().Throw<ProcurementLoadException>().Which.Problems;

        problems.Select(p => (p.Path, p.Line)).Should().Equal(
            ("scenaro", 3),
            ("termMonths", 4),
            ("timeline[0].date", 6),
            ("timeline[1].kind", 7));
        problems[1].Message.Should().Contain("expected a whole number, found '12'", "JSON types are checked: a string is not a number");
        problems[3].Message.Should().Contain("did you mean 'bidReceived'?");
    }

    [Test]
    public void ParseYaml_EventMissingWhatItsKindNeeds_NamesPathAndLine()
    {
        const string yaml = """
            id: sign-off
            timeline:
              - date: 2010-01-01
                kind: oversightSignOff
              - date: 2010-01-02
                kind: eligibilityChanged
            """;

        var act = () => ProcurementFile.ParseYaml(yaml, "case.yaml");

        act.Should().Throw<ProcurementLoadException>().Which.Problems.Select(p => (p.Path, p.Line)).Should().Equal(
            ("timeline[0].body", 3),
            ("timeline[1].eligibility", 5));
    }

    [Test]
    public void ParseYaml_ContradictoryFacts_ThrowsTheLoadExceptionItself()
    {
        var act = () => ProcurementFile.ParseYaml("id: x\ntermMonths: -1\n", "case.yaml");

        // Found while loading a file, so a load failure, not ProcurementValidationException (kept for code-built cases).
        var thrown = act.Should().Throw<ProcurementLoadException>().Which;
        thrown.GetType().Should().Be<ProcurementLoadException>();
        thrown.Message.Should().StartWith("The procurement could not be loaded");
    }

    [Test]
    public void ParseYaml_ContractEndingBeforeItStarts_IsAProblemAtThatPath()
    {
        const string yaml = """
            id: dates
            incumbentContracts:
              - provider: { name: A }
                startDate: 2012-01-01
                endDate: 2011-01-01
            """;

        var act = () => ProcurementFile.ParseYaml(yaml, "case.yaml");

        var problem = act.Should().Throw<ProcurementLoadException>().Which.Problems.Should().ContainSingle().Which;
        problem.Path.Should().Be("incumbentContracts[0].endDate");
        problem.Line.Should().Be(5, "the validator locates the value through the positions recorded while binding");
    }

    [Test]
    public void ParseYaml_BlankTitlesAndNames_AreProblemsAtTheirPaths()
    {
        // A blank title would vanish from the lists reports show: a recorded document would read as "none".
        const string yaml = """
            id: blanks
            commissioner: { name: " " }
            rationaleDocuments:
              - { title: Case for change }
              - { title: "" }
            needsAssessments:
              - { title: "  " }
            qualityMeasures:
              - { name: "" }
            """;

        var act = () => ProcurementFile.ParseYaml(yaml, "case.yaml");

        act.Should().Throw<ProcurementLoadException>().Which.Problems.Select(p => (p.Path, p.Line)).Should().Equal(
            ("commissioner.name", 2),
            ("rationaleDocuments[1].title", 5),
            ("needsAssessments[0].title", 7),
            ("qualityMeasures[0].name", 9));
    }

    [Test]
    public void ParseYaml_SyntaxError_NamesLine()
    {
        var act = () => ProcurementFile.ParseYaml("id: x\ntimeline: [\n", "case.yaml");

        var problem = act.Should().Throw<ProcurementLoadException>().Which.Problems.Should().ContainSingle().Which;
        problem.Message.Should().StartWith("YAML syntax");
        problem.Line.Should().NotBeNull();
    }

    [Test]
    public void ParseYaml_DuplicateKey_IsAProblem()
    {
        var act = () => ProcurementFile.ParseYaml("id: x\nscenario: underperformance\nscenario: patientChoice\n", "case.yaml");

        act.Should().Throw<ProcurementLoadException>().Which.Problems.Should().ContainSingle().Which.Line.Should().Be(3);
    }

    [Test]
    public void ParseJson_DuplicateKey_IsAProblem()
    {
        var act = () => ProcurementFile.ParseJson("{ \"id\": \"x\", \"id\": \"y\" }", "case.json");

        var problem = act.Should().Throw<ProcurementLoadException>().Which.Problems.Should().ContainSingle().Which;
        problem.Message.Should().Be("duplicate key 'id'");
        (problem.Line, problem.Column, problem.Path).Should().Be((1, 14, "id"));
    }

    [Test]
    public void ParseYaml_MissingId_IsAProblem()
    {
        var act = () => ProcurementFile.ParseYaml("title: no id\n", "case.yaml");

        act.Should().Throw<ProcurementLoadException>().Which.Problems.Should().ContainSingle().Which.Path.Should().Be("id");
    }

    [Test]
    public void ParseYaml_NotRecordedAndRecordedAsNone_AreDifferent()
    {
        var notRecorded = ProcurementFile.ParseYaml("id: a\n");
        var recordedAsNone = ProcurementFile.ParseYaml("id: a\nrationaleDocuments: []\nqualityMeasures: []\ntender: { eligibilityJustification: { kind: none } }\n");

        notRecorded.RationaleDocuments.Should().BeNull();
        notRecorded.Tender.Should().BeNull();
        recordedAsNone.RationaleDocuments.Should().NotBeNull().And.BeEmpty();
        recordedAsNone.QualityMeasures.Should().NotBeNull().And.BeEmpty();
        recordedAsNone.Tender!.EligibilityJustification!.Kind.Should().Be(JustificationKind.None);
    }

    [Test]
    public void ParseYaml_ExplicitNull_MeansNotRecorded()
    {
        ProcurementFile.ParseYaml("id: a\nscenario: ~\ntermMonths: null\n").Should().BeEquivalentTo(new ProposedProcurement { Id = "a" });
    }

    [Test]
    public void ParseYaml_EnumValues_AreCaseInsensitiveButNotMisspelt()
    {
        ProcurementFile.ParseYaml("id: a\nscenario: Underperformance\n").Scenario.Should().Be(Scenario.Underperformance);

        var act = () => ProcurementFile.ParseYaml("id: a\nscenario: 1\n");
        act.Should().Throw<ProcurementLoadException>("scenarios are named, and a number would let an undefined value through");
    }

    [Test]
    public void ToJson_ThenParseJson_GivesAnEquivalentProcurementAndTheSameReport()
    {
        var original = Cases.GreatYarmouth();

        var json = ProcurementFile.ToJson(original);
        var roundTripped = ProcurementFile.ParseJson(json);

        roundTripped.Should().BeEquivalentTo(original);
        json.Should().Contain("\"eligibility\": \"nhsOnly\"").And.Contain("\"date\": \"2009-11-01\"");
        RulePack.Default.Check(roundTripped).ToJson().Should().Be(RulePack.Default.Check(original).ToJson());
    }

    [Test]
    public void Load_EveryFixtureAndSample_ReadsWithoutProblems()
    {
        var files = Directory.EnumerateFiles(RepoPaths.Fixtures, "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Samples, "cases")));

        foreach (var file in files)
        {
            var act = () => ProcurementFile.Load(file);
            act.Should().NotThrow(file);
        }
    }

    [Test]
    public void Load_UnknownExtension_Throws()
    {
        var act = () => ProcurementFile.Load("case.txt");

        act.Should().Throw<ArgumentException>().WithMessage("*.yaml, .yml or .json*");
    }
}
