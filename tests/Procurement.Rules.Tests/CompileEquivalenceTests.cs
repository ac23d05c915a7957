using System.Reflection;
using System.Runtime.CompilerServices;
using Procurement.Model;
using Procurement.Rules.Expressions;
using Procurement.Rules.Loading;

namespace Procurement.Rules.Tests;

/// <summary>
/// The engine compiles rule expressions faster than a plain <c>Expression.Compile()</c> of the whole tree: lambdas
/// are lifted out and compiled once (<see cref="LambdaLifter"/>). A wrong answer fast is worse than a right answer slow,
/// so every fixture is checked both ways, and so are expressions of every LINQ shape a rule may use.
/// </summary>
public class CompileEquivalenceTests
{
    private static readonly RulePack Lifted = RulePackLoader.Load(new DirectoryPackFiles(RepoPaths.DefaultPack, DefaultPackOnDisk.Options));
    private static readonly RulePack Plain = RulePackLoader.Load(new DirectoryPackFiles(RepoPaths.DefaultPack, DefaultPackOnDisk.Options), liftLambdas: false);

    public static IEnumerable<TestCaseData> Fixtures() =>
        Fixture.All(RepoPaths.Fixtures).Select(f => new TestCaseData(f.Path).SetName($"SameOutcomes fixture {f.RuleId} {f.Name}"));

    [TestCaseSource(nameof(Fixtures))]
    public void LiftedAndPlainCompile_GiveTheSameReport(string path)
    {
        var procurement = ProcurementFile.Load(path);

        AssertSame(Plain.Check(procurement), Lifted.Check(procurement));
    }

    [Test]
    public void LiftedAndPlainCompile_GiveTheSameReport_ForEveryLinqShape()
    {
        const string Facts = """
                  anyNhs: IncumbentContracts.Any(c => c.Provider.Kind == NhsTrust || c.Provider.Kind == PctProviderArm)
                  allRecorded: IncumbentContracts.All(c => c.Performance != null)
                  allSignificant: IncumbentContracts.All(c => c.Performance.SignificantUnderperformance == true)
                  countEnded: IncumbentContracts.Count(c => c.EndDate < DateOnly(2010, 1, 1))
                  names: IncumbentContracts.Where(c => c.Provider.Kind != null).Select(c => c.Provider.Name)
                  firstName: IncumbentContracts.First(c => c.Provider.Name != null).Provider.Name
                  firstOrNone: IncumbentContracts.FirstOrDefault(c => c.Performance.SeriousShortcomings == true)
                  sumNames: IncumbentContracts.Sum(c => c.Provider.Name.Length)
                  latestEnd: IncumbentContracts.Max(c => c.EndDate)
                  ordered: IncumbentContracts.OrderBy(c => c.Provider.Name).Select(c => c.Provider.Name)
                  chained: IncumbentContracts.Select(c => c.Performance).Any(p => p.Underperforming == true)
                  tenderEvents: Timeline.Count(e => e.Kind == TenderDecision || e.Kind == NoticePublished)
                  lateEvents: Timeline.Where(e => e.Date.Earliest > DateOnly(2009, 10, 1)).Select(e => e.Date)
            """;
        var rule = TestPack.RuleText(
            require: "IncumbentContracts.All(c => c.Performance.PlansNotCredible == true || c.Provider.Kind == ThirdSector)",
            when: "IncumbentContracts.Any(c => c.Provider.Name.Length > 0)",
            facts: Facts);
        using var pack = new TestPack(("shapes.rules.yaml", rule));
        var lifted = RulePackLoader.Load(new DirectoryPackFiles(pack.Directory, pack.Options));
        var plain = RulePackLoader.Load(new DirectoryPackFiles(pack.Directory, pack.Options), liftLambdas: false);

        var procurements = Fixture.All(RepoPaths.Fixtures).Select(f => ProcurementFile.Load(f.Path))
            .Append(Cases.GreatYarmouth())
            .Append(Cases.GreatYarmouth() with { IncumbentContracts = [] })
            .Append(Cases.GreatYarmouth() with { IncumbentContracts = null, Timeline = null })
            .ToList();
        var kinds = new HashSet<OutcomeKind>();
        foreach (var procurement in procurements)
        {
            var expected = plain.Check(procurement);
            AssertSame(expected, lifted.Check(procurement));
            kinds.Add(expected.Outcomes.Single().Kind);
        }

        kinds.Should().Contain(new[] { OutcomeKind.Breach, OutcomeKind.Compliant, OutcomeKind.Undetermined, OutcomeKind.NotApplicable });
    }

    [TestCase("IncumbentContracts.All(c => c.Performance.SignificantUnderperformance == true)")]
    [TestCase("IncumbentContracts.Select(c => c.Performance.SeriousShortcomings)")]
    [TestCase("Timeline.Where(e => e.Kind == TenderDecision).Max(e => e.Date.Earliest)")]
    public void Lifting_LeavesNoLambdaInTheCompiledExpression(string text)
    {
        var parser = new RuleExpressionParser();
        var body = parser.Parse(text, null, new Dictionary<string, System.Linq.Expressions.Expression>()).Body!;

        var lifted = LambdaLifter.Lift(MissingFactRewriter.Rewrite(body, parser.Root), parser.Root);

        lifted.ToString().Should().NotContain("=>", "every lambda is compiled once at load and passed in as a delegate");
    }

    [Test]
    public void EveryHelper_IsNotInlinedIntoCompiledRules()
    {
        // Inlining a helper into every compiled expression made loading the pack several times slower
        // (docs/performance.md). A helper added to RuleScope needs [MethodImpl(MethodImplOptions.NoInlining)].
        var helpers = typeof(RuleScope).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.DeclaringType == typeof(RuleScope) && (!m.IsSpecialName || m.Name == "get_IncumbentNames"));

        helpers.Where(m => !m.MethodImplementationFlags.HasFlag(MethodImplAttributes.NoInlining)).Select(m => m.Name)
            .Should().BeEmpty("each helper needs [MethodImpl(MethodImplOptions.NoInlining)] so that loading a pack stays fast");
    }

    private static void AssertSame(CheckReport expected, CheckReport actual)
    {
        actual.ToJson().Should().Be(expected.ToJson());
        actual.Outcomes.Select(Describe).Should().Equal(expected.Outcomes.Select(Describe));
    }

    private static string Describe(RuleOutcome o) =>
        $"{o.Rule.Id} {o.Kind} {o.Message} [{string.Join(", ", o.MissingFacts)}] {o.Error} "
        + string.Join("; ", o.Facts.Select(f => $"{f.Name}={f.Display}/{f.IsRecorded}/{Value(f.Value)}"));

    private static string Value(object? value) => value switch
    {
        null => "null",
        string s => s,
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Value)) + "]",
        _ => value + ":" + value.GetType().Name,
    };
}
