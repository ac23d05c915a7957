namespace Procurement.Rules.Tests;

/// <summary>
/// Rule files may come from other organisations: an expression may read the procurement and call the allowed helpers,
/// nothing else. Each escape attempt must fail the load (never the check), naming the rule.
/// </summary>
public class SandboxTests
{
    public static IEnumerable<TestCaseData> Escapes() => new (string Name, string Expression)[]
    {
        ("GetType on the root", "GetType() != null"),
        ("GetType on a model object", "Tender.GetType() != null"),
        ("reflection through GetType", "Tender.GetType().Assembly.FullName != null"),
        ("typeof", "typeof(string) != null"),
        ("a method on a model object", "Tender.Equals(Tender)"),
        ("ToString on a model object", "Tender.ToString() != null"),
        ("a record's copy method", "Tender.<Clone>$() != null"),
        ("creating an object", "new(Scenario as s) != null"),
        ("creating a model object", "Money(1) != null"),
        ("file I/O", "System.IO.File.Exists(\"/etc/passwd\")"),
        ("Environment", "Environment.Exit(1) == null"),
        ("Activator", "Activator.CreateInstance(\"x\") != null"),
        ("the clock (impure)", "DateTime.Now.Year > 2000"),
        ("a random value (impure)", "Guid.NewGuid() != Guid.Empty"),
        ("culture-dependent parsing", "DateOnly.Parse(\"2010-01-01\") < DecisionDate"),
        ("Convert", "Convert.ToInt32(\"1\") == 1"),
        ("materialising lists", "Timeline.ToList().Count > 0"),
        ("a method the helpers use internally", "TrackRef(Tender, \"x\") != null"),
        ("missing-fact bookkeeping", "NoteMissing(\"x\") == null"),
        ("a type test", "Tender is object"),
        ("a cast to an outside type", "object(Tender) != null"),
    }.Select(c => new TestCaseData(c.Expression).SetName("Load_Rejects " + c.Name));

    [TestCaseSource(nameof(Escapes))]
    public void Load_Rejects(string expression)
    {
        using var pack = TestPack.WithRule(expression.Contains('"', StringComparison.Ordinal) ? "'" + expression + "'" : expression);

        var (line, _) = pack.Find("test.rules.yaml", "require:");

        var problem = pack.LoadFails().Problems.Should().ContainSingle().Which;

        problem.Should().BeEquivalentTo(new { File = pack.PathOf("test.rules.yaml"), Line = (int?)line, RuleId = "test.rule" });
        problem.Column.Should().BeGreaterThan("    require: ".Length - 1, "the column points into the expression");
    }

    public static IEnumerable<TestCaseData> Allowed() => new (string Name, string Expression)[]
    {
        ("a helper", "Happened(TenderDecision)"),
        ("event order", "HappenedBefore(UnionsEngaged, First(TenderDecision))"),
        ("LINQ over a model list", "IncumbentContracts.Any(c => c.Provider.Kind == IndependentSector)"),
        ("LINQ with a predicate and count", "Timeline.Count(e => e.Kind == BidReceived && e.PartyKind != null) >= 2"),
        ("dates", "DecisionDate >= DateOnly(2009, 9, 25) && DecisionDate.Value.AddMonths(6).Year > 2009"),
        ("money", "Value.Amount > 1000000"),
        ("strings", "Commissioner.Name.Contains(\"PCT\")"),
        ("conditional", "iif(Scenario == Underperformance, TermMonths > 0, true)"),
        ("an explicit recorded test", "Tender.EligibilityJustification == null"),
        ("maths", "Math.Abs(DaysBetween(First(NoticePublished), First(ContractAwarded))) < 365"),
    }.Select(c => new TestCaseData(c.Expression).SetName("Load_Allows " + c.Name));

    [TestCaseSource(nameof(Allowed))]
    public void Load_Allows(string expression)
    {
        using var pack = TestPack.WithRule(expression.Contains('"', StringComparison.Ordinal) ? "'" + expression + "'" : expression);

        pack.Load().Rules.Should().ContainSingle();
    }

    [Test]
    public void Load_ClockExpression_IsRejectedByTheSandboxNotTheParser()
    {
        // DateTime is a type the parser knows; only the allow-list over the expression tree stops it.
        using var pack = TestPack.WithRule("DateTime.Now.Year > 2000");

        pack.LoadFails().Problems.Single().Message.Should().Contain("outside the rule sandbox").And.Contain("DateTime.Now");
    }
}
