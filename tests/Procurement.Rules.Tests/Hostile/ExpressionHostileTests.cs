using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Procurement.Model;
using static Procurement.Rules.Tests.Cases;

namespace Procurement.Rules.Tests.Hostile;

/// <summary>
/// Hostile rule expressions, one class of attack per test: each must end in a located load problem or in the exact
/// outcome, quickly, and never take the host down (a stack overflow cannot be caught: it would end this test run).
/// </summary>
public class ExpressionHostileTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    [Test]
    public void Load_AThousandNestedParentheses_IsANestingProblemAtTheSixtyFifth()
    {
        var problem = LoadProblem(new string('(', 1_000) + "true" + new string(')', 1_000));

        problem.Message.Should().StartWith("'require': the expression is nested more than 64 levels deep (parentheses, iif, '?', '!' and '-' together) (in: ((((");
        problem.Column.Should().Be(ExpressionColumn + 64);
    }

    [Test]
    public void Load_HundredThousandNots_IsALengthProblem()
    {
        var problem = LoadProblem(new string('!', 100_000) + "true");

        problem.Message.Should().StartWith("'require': the expression is 100,004 characters long; the limit is 10,000");
    }

    [Test]
    public void Load_ThousandNots_IsANestingProblemAtTheSixtyFifth()
    {
        var problem = LoadProblem(new string('!', 1_000) + "true");

        problem.Message.Should().StartWith("'require': the expression is nested more than 64 levels deep");
        problem.Column.Should().Be(ExpressionColumn + 64);
    }

    [Test]
    public void Load_NestedIifs_IsANestingProblem()
    {
        var expression = string.Concat(Enumerable.Repeat("iif(true, ", 300)) + "true" + string.Concat(Enumerable.Repeat(", false)", 300));

        var problem = LoadProblem(expression);

        problem.Message.Should().StartWith("'require': the expression is nested more than 64 levels deep");
        problem.Column.Should().Be(ExpressionColumn + (64 * "iif(true, ".Length) + 3, "the 65th parenthesis opened is past the limit");
    }

    [Test]
    public void Load_ChainedConditionals_IsANestingProblem()
    {
        var expression = string.Concat(Enumerable.Repeat("TermMonths > 1 ? true : ", 200)) + "false";

        LoadProblem(expression).Message.Should().StartWith("'require': the expression is nested more than 64 levels deep");
    }

    [Test]
    public void Load_HundredThousandTermAndChain_IsStoppedByTheFilesValueLimit()
    {
        // 1.8 million characters: the YAML reader refuses the value before any expression code sees it.
        var expression = string.Join(" && ", Enumerable.Repeat("TermMonths > 0", 100_000));

        LoadProblem(expression).Message.Should().Be("a value of 1,799,996 characters is longer than the limit of 1,048,576 (InputLimits.MaxStringLength)");
    }

    [Test]
    public void Load_ThousandTermAndChain_IsAnExpressionLengthProblem()
    {
        // Within the file's value limit, the expression's own length limit applies before the parser runs.
        var expression = string.Join(" && ", Enumerable.Repeat("TermMonths > 0", 1_000));

        LoadProblem(expression).Message.Should().StartWith("'require': the expression is 17,996 characters long; the limit is 10,000");
    }

    [Test]
    public void Load_ThreeHundredTermAndChain_IsATreeDepthProblem()
    {
        var expression = string.Join(" && ", Enumerable.Repeat("TermMonths > 0", 300));

        LoadProblem(expression).Message.Should().StartWith("'require': the expression is nested more than 256 levels deep (facts it uses included)");
    }

    [Test]
    public void Load_FiftyTermAndChain_Loads()
    {
        using var pack = TestPack.WithRule(string.Join(" && ", Enumerable.Repeat("TermMonths > 0", 50)));

        pack.Load().Rules.Should().ContainSingle();
    }

    [Test]
    public void Load_FortyFactsEachUsingThePreviousTwice_IsASizeProblemFoundQuickly()
    {
        var facts = "      f0: TermMonths\n" + string.Join("\n", Enumerable.Range(1, 40).Select(k => $"      f{k}: f{k - 1} + f{k - 1}"));
        using var pack = TestPack.WithRule("f40 > 0", facts: facts);

        var watch = Stopwatch.StartNew();
        var problems = Guarded(() => pack.LoadFails().Problems);

        watch.Elapsed.Should().BeLessThan(HangGuard);
        var problem = problems[0];
        problem.Message.Should().StartWith("fact 'f13': the expression has 24,575 parts once the facts it uses are included; the limit is 20,000");
        problem.RuleId.Should().Be("test.rule");
    }

    [Test]
    public void Check_EightNestedAnyOverTwentyEvents_FailsOnTheBudget()
    {
        var expression = "Timeline.Any(a => root.Timeline.Any(b => root.Timeline.Any(c => root.Timeline.Any(d => root.Timeline.Any(e => root.Timeline.Any(f => "
            + "root.Timeline.Any(g => root.Timeline.Any(h => h.Kind == a.Kind && h.Date.Earliest > h.Date.Earliest))))))))";

        var outcome = CheckWith(expression, Events(20));

        outcome.Kind.Should().Be(OutcomeKind.Failed);
        outcome.Error.Should().Be("the rule needed more than its 1,001,344 evaluation steps for this procurement (its evaluation budget): an expression reads a list once for every item of a list, or nests sequence operations too deep");
    }

    [Test]
    public void Check_ThreeLevelsOfConcatOverAThousandEvents_FailsOnTheTextBudget()
    {
        var expression = "string.Concat(Timeline.Select(a => string.Concat(root.Timeline.Select(b => string.Concat(root.Timeline.Select(c => c.Description)))))).Length > 0";

        var outcome = CheckWith(expression, Events(1_000));

        outcome.Kind.Should().Be(OutcomeKind.Failed);
        outcome.Error.Should().Be("the rule built more than 1,000,000 characters of text (its evaluation budget)");
    }

    [Test]
    public void Check_FactOfNestedListsOverAThousandEvents_CouldNotBeEvaluatedOnTheBudget()
    {
        using var pack = TestPack.WithRule("true", facts: "      cube: Timeline.Select(a => root.Timeline.Select(b => root.Timeline.Select(c => c.Kind)))");
        var rules = pack.Load();

        var outcome = Guarded(() => rules.Check(Procurement(Events(1_000)))).Outcomes.Single();

        outcome.Kind.Should().Be(OutcomeKind.Compliant);
        outcome.Facts.Single().Display.Should().Be("could not be evaluated: the rule needed more than its 1,064,064 evaluation steps for this procurement (its evaluation budget): an expression reads a list once for every item of a list, or nests sequence operations too deep");
    }

    [Test]
    public void Check_AListReadOncePerItemOfAThousand_StaysWithinTheBudget()
    {
        // Quadratic but small: a million steps plus 64 per event is room for 1,000 x 1,000.
        var outcome = CheckWith("Timeline.All(a => root.Timeline.Count(b => b.Kind == a.Kind) > 0)", Events(1_000));

        outcome.Kind.Should().Be(OutcomeKind.Compliant);
    }

    [Test]
    public void Check_IntegerOverflow_FailsInsteadOfWrapping()
    {
        var outcome = CheckWith("TermMonths * 2147483647 > 0", Events(1), termMonths: 2);

        outcome.Kind.Should().Be(OutcomeKind.Failed);
        outcome.Error.Should().Be("OverflowException: Arithmetic operation resulted in an overflow.");
    }

    [TestCase("(0.0 / 0.0) > 1", "NaN")]
    [TestCase("(0.0 / 0.0) == (0.0 / 0.0)", "NaN")]
    [TestCase("Math.Max(0.0 / 0.0, 1.0) > 0", "NaN")]
    [TestCase("Timeline.Count() * 1.0 / 0 > 5", "Infinity")]
    [TestCase("Timeline.Count() * 1e308 * 10 > 0", "Infinity")]
    [TestCase("-(Timeline.Count() * 1e307) * 100 < 0", "-Infinity")]
    [TestCase("1e400 > 0", "Infinity")]
    [TestCase("Timeline.Sum(e => 1e308) > 0", "Infinity")]
    public void Check_FloatingPointResultThatIsNotFinite_FailsInsteadOfDecidingTheOutcome(string require, string value)
    {
        var outcome = CheckWith(require, Events(3), termMonths: 2);

        outcome.Kind.Should().Be(OutcomeKind.Failed, "a NaN compares false and an infinity greater than everything: either would decide a breach or a pass");
        outcome.Error.Should().Be($"OverflowException: a floating-point result was {value}, not a finite number (a division by zero or an overflow)");
    }

    [Test]
    public void Check_FiniteFloatingPointArithmetic_IsUnchanged()
    {
        CheckWith("Timeline.Count() * 1.5 / 4 == 1.125 && Timeline.Average(e => 2.0) == 2", Events(3), termMonths: 2).Kind.Should().Be(OutcomeKind.Compliant);
    }

    [Test]
    public void Check_MessageNamingALongFactThousandsOfTimes_IsCutAtTheMessageLimitAndKeepsTheFact()
    {
        var text = TestPack.RuleText("false", facts: "      dates: Timeline.Select(e => e.Date)")
            .Replace("breach: It broke.", "breach: \"" + string.Concat(Enumerable.Repeat("{dates}", 2_000)) + "\"", StringComparison.Ordinal);
        using var pack = new TestPack(("test.rules.yaml", text));
        var rules = pack.Load();

        var outcome = Guarded(() => rules.Check(Procurement(Events(1_000)))).Outcomes.Single();

        outcome.Kind.Should().Be(OutcomeKind.Breach, "a long message does not change the outcome");
        outcome.Message.Length.Should().Be(1_000_000, "2,000 copies of a 1,000-date list would be 24 million characters");
        outcome.Message[^80..].Should().EndWith(" ... (message cut at 1,000,000 characters; the facts hold the full values)");
        outcome.Facts.Single().Display.Should().HaveLength((1_000 * "2010-01-01, ".Length) - 2);
    }

    [TestCase("(Timeline.Count() << 31) > 0", "<<")]
    [TestCase("(Timeline.Count() << 32) == Timeline.Count()", "<<")]
    [TestCase("(-Timeline.Count() >> 33) < 0", ">>")]
    public void Load_ShiftOperator_IsASandboxProblem(string require, string shift)
    {
        LoadProblem(require).Message.Should().StartWith($"'require': outside the rule sandbox: the shift operator '{shift}' is not allowed (it wraps silently; use * or /)");
    }

    [Test]
    public void Check_IntegerNegationOverflow_Fails()
    {
        CheckWith("-(TermMonths - 2147483647 - 2) > 0", Events(1), termMonths: 1).Kind.Should().Be(OutcomeKind.Failed);
    }

    [Test]
    public void Load_FactThatIsTheScope_IsAProblem()
    {
        var problem = LoadProblem("true", facts: "      whole: it");

        problem.Message.Should().StartWith("fact 'whole': the value cannot be the procurement itself ('it') or hold it; name one of its members, such as Tender or Timeline");
    }

    [Test]
    public void Load_FactThatIsASequenceOfTheScope_IsAProblem()
    {
        var problem = LoadProblem("true", facts: "      scopes: Timeline.Select(e => root)");

        problem.Message.Should().StartWith("fact 'scopes': the value cannot be the procurement itself ('it')");
    }

    [Test]
    public void Load_FactNamingItselfAfterAnotherTerm_IsASelfReferenceProblemAtTheName()
    {
        using var pack = TestPack.WithRule("true", facts: "      me: TermMonths + me");
        var (line, column) = pack.Find("test.rules.yaml", "TermMonths + me");

        var problem = pack.LoadFails().Problems.Should().ContainSingle().Which;

        problem.Should().BeEquivalentTo(new
        {
            Line = (int?)line,
            Column = (int?)(column + "TermMonths + ".Length),
            RuleId = "test.rule",
            Message = "fact 'me': the fact uses itself ('me'); a fact may use only the facts declared before it (in: TermMonths + me)",
        });
    }

    [Test]
    public void Load_FactThatIsOnlyItsOwnName_IsASelfReferenceProblem()
    {
        using var pack = TestPack.WithRule("true", facts: "      me: me + 1");

        pack.LoadFails().Problems.Should().ContainSingle().Which.Message
            .Should().Be("fact 'me': the fact uses itself ('me'); a fact may use only the facts declared before it (in: me + 1)", "not the parser's \"Value cannot be empty. (Parameter 'name')\"");
    }

    [Test]
    public void Load_FactUsingALaterFact_IsAnUnknownNameProblem()
    {
        using var pack = TestPack.WithRule("later > 0", facts: "      first: later + 1\n      later: TermMonths");

        pack.LoadFails().Problems.Should().ContainSingle().Which.Message
            .Should().Be("fact 'first': unknown name 'later' (a fact may use only the facts declared before it, not itself or a later one) (in: later + 1)");
    }

    [Test]
    public void Load_MinOfText_IsASandboxProblem()
    {
        var problem = LoadProblem("Timeline.Max(e => e.Description) != null");

        problem.Message.Should().Contain("'Max' of text is not allowed (it would compare by culture)");
    }

    [Test]
    public void Load_CultureOverloadOfStartsWith_IsASandboxProblem()
    {
        var problem = LoadProblem("Commissioner.Name.StartsWith(\"a\", true, null)");

        problem.Message.Should().Contain("outside the rule sandbox");
    }

    [Test]
    public void Load_TextBuiltFromADate_IsASandboxProblem()
    {
        // Text built from a date or number would be formatted in the host's culture: only text joins text.
        var problem = LoadProblem("(\"\" + DecisionDate) == \"2010-06-01\"");

        problem.Message.Should().StartWith("'require': outside the rule sandbox: converting to 'Object' is not allowed");
    }

    [Test]
    public void Check_TextJoinedFromText_CountsAgainstTheBudgetAndWorks()
    {
        var outcome = CheckWith("(Commissioner.Name + \"|\" + string.Concat(Timeline.Select(e => e.Description))) == \"Westshire PCT|notice 0notice 1\"", Events(2));

        outcome.Kind.Should().Be(OutcomeKind.Compliant);
    }

    [Test]
    public void Check_NestedLazySequenceFact_IsMaterialisedAndOwnedByTheReport()
    {
        using var pack = TestPack.WithRule("true", facts: "      kinds: IncumbentContracts.Select(c => root.Timeline.Select(e => e.Kind))");
        var rules = pack.Load();
        var first = Procurement(Events(2));

        var report = rules.Check(first);
        rules.Check(Procurement(Events(5)) with { Id = "other" });

        var value = report.Outcomes.Single().Facts.Single().Value;
        value.Should().BeOfType<object[]>().Which.Should().ContainSingle().Which.Should().BeOfType<object[]>()
            .Which.Should().Equal(EventKind.NoticePublished, EventKind.NoticePublished);
        report.Outcomes.Single().Facts.Single().Display.Should().Be("noticePublished, noticePublished");
    }

    [Test]
    public void Check_StartedFromInsideACallersList_DoesNotCorruptTheOuterFact()
    {
        using var pack = TestPack.WithRule("true", facts: "      names: IncumbentContracts.Select(c => c.Provider.Name)");
        var rules = pack.Load();
        var inner = Procurement(Events(1)) with { Id = "inner", IncumbentContracts = Contracts("x", "y", "z") };
        var reentrant = new ReentrantList(Contracts("a", "b", "c"), () => rules.Check(inner));
        var outer = Procurement(Events(1)) with { IncumbentContracts = reentrant };

        var fact = rules.Check(outer).Outcomes.Single().Facts.Single();

        reentrant.Reentered.Should().BeTrue("the test must start a check from inside the list");
        fact.Value.Should().BeOfType<object[]>().Which.Should().Equal("a", "b", "c");
        fact.Display.Should().Be("a, b, c");
    }

    [Test]
    public void Check_ListThatThrowsWhileAFactIsRead_IsAFactThatCouldNotBeEvaluated()
    {
        using var pack = TestPack.WithRule("true", facts: "      names: IncumbentContracts.Select(c => c.Provider.Name)");
        var rules = pack.Load();
        var throwing = new ReentrantList(Contracts("a", "b"), () => throw new InvalidOperationException("the caller's list broke"));
        var procurement = Procurement(Events(1)) with { IncumbentContracts = throwing };

        var outcome = rules.Check(procurement).Outcomes.Single();

        outcome.Kind.Should().Be(OutcomeKind.Compliant);
        outcome.Facts.Single().Should().Be(new FactValue("names", null, "could not be evaluated: the caller's list broke", false));
    }

    [Test]
    public void Check_ReportsOnManyThreads_MatchTheSameReportsOnOne()
    {
        // Each fact reads a member that is not recorded (an event's party): a value still bound to the checking thread's
        // scope would, when read later, note it as missing in whatever check that scope is doing by then.
        using var pack = TestPack.WithRule("Happened(NoticePublished)", facts: "      parties: IncumbentContracts.Select(c => root.Timeline.Select(e => e.Party))\n      names: IncumbentContracts.Select(c => c.Provider.Name)");
        var rules = pack.Load();
        var cases = Enumerable.Range(1, 40).Select(i => Procurement(Events(1 + (i % 7))) with { Id = "case-" + i, IncumbentContracts = Contracts(Enumerable.Range(0, 1 + (i % 5)).Select(n => "p" + n).ToArray()) }).ToArray();
        var expected = cases.Select(c => rules.Check(c).ToJson()).ToArray();
        var reports = new CheckReport?[cases.Length * 50];

        Parallel.For(0, reports.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            reports[i] = rules.Check(cases[i % cases.Length]);

            // Read earlier reports' values in full while other threads check.
            for (var back = 1; back <= 4 && i - back >= 0; back++)
            {
                foreach (var fact in reports[i - back]?.Outcomes.SelectMany(o => o.Facts) ?? [])
                {
                    Walk(fact.Value);
                }
            }
        });

        reports.Select((r, i) => r!.ToJson() == expected[i % cases.Length]).Should().AllBeEquivalentTo(true);

        static void Walk(object? value)
        {
            if (value is System.Collections.IEnumerable items and not string)
            {
                foreach (var item in items)
                {
                    Walk(item);
                }
            }
        }
    }

    /// <summary>Where the expression of <c>require: '...'</c> starts in TestPack's rule file (1-based, after the quote).</summary>
    private static int ExpressionColumn => 5 + "require: '".Length;

    private static LoadProblem LoadProblem(string require, string facts = "")
    {
        using var pack = TestPack.WithRule("'" + require + "'", facts: facts);
        return Guarded(() => pack.LoadFails().Problems).Should().ContainSingle().Which;
    }

    private static RuleOutcome CheckWith(string require, IReadOnlyList<TimelineEvent> events, int? termMonths = null)
    {
        using var pack = TestPack.WithRule("'" + require + "'");
        var rules = pack.Load();
        return Guarded(() => rules.Check(Procurement(events) with { TermMonths = termMonths })).Outcomes.Single();
    }

    private static ProposedProcurement Procurement(IReadOnlyList<TimelineEvent> events) => new()
    {
        Id = "hostile",
        Commissioner = new Commissioner { Name = "Westshire PCT" },
        DecisionDate = D(2010, 6, 1),
        TimelineComplete = true,
        IncumbentContracts = Contracts("Carewell Ltd"),
        Timeline = events,
    };

    private static Contract[] Contracts(params string[] names) => names.Select(n => new Contract { Provider = new Provider { Name = n } }).ToArray();

    private static TimelineEvent[] Events(int count) => Enumerable.Range(0, count)
        .Select(i => new TimelineEvent { Date = D(2010, 1, 1).AddDays(i), Kind = EventKind.NoticePublished, Description = "notice " + i })
        .ToArray();

    /// <summary>Runs on a thread of its own and fails the test if it takes longer than the hang guard.</summary>
    private static T Guarded<T>(Func<T> action)
    {
        var task = Task.Run(action);
        task.Wait(HangGuard).Should().BeTrue($"a hostile input must end within {HangGuard.TotalSeconds} s");
        return task.Result;
    }

    /// <summary>A caller's own list type that runs an action when its second item is read, once.</summary>
    private sealed class ReentrantList(Contract[] items, Action onSecondRead) : IReadOnlyList<Contract>
    {
        private int _armed = 1;

        public bool Reentered { get; private set; }

        public int Count => items.Length;

        public Contract this[int index]
        {
            get
            {
                if (index == 1 && new StackTrace().GetFrames().Any(f => f.GetMethod()?.DeclaringType?.Name == "FactMaterialiser" || f.GetMethod()?.Name == "AddTo") && Interlocked.Exchange(ref _armed, 0) == 1)
                {
                    Reentered = true;
                    onSecondRead();
                }

                return items[index];
            }
        }

        public IEnumerator<Contract> GetEnumerator() => ((IEnumerable<Contract>)items).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
