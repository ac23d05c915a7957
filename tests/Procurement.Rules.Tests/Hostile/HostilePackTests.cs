using System.Diagnostics;
using System.Threading.Tasks;

namespace Procurement.Rules.Tests.Hostile;

/// <summary>
/// Hostile and broken rule packs, one class of input per test: a pack is a closed folder, reads only regular files, and
/// every YAML failure is a located <see cref="RulePackLoadException"/> problem.
/// </summary>
[TestFixture]
public class HostilePackTests
{
    [Test]
    public void LoadFromDirectory_SourceWithDotDotLeavingTheRoot_IsAProblem()
    {
        using var pack = TestPack.WithRule("true");
        SetSourceFile(pack, "../../../../../../../../etc/passwd");

        var problem = LoadProblem(pack);

        problem.Message.Should().StartWith("source 'burnham-2009': file '../../../../../../../../etc/passwd' is outside the folder the pack may read");
        problem.File.Should().EndWith("pack.yaml");
        problem.Line.Should().Be(SourceLine(pack));
    }

    [Test]
    public void LoadFromDirectory_SourceWithAbsolutePath_IsAProblem()
    {
        using var pack = TestPack.WithRule("true");
        SetSourceFile(pack, "/proc/self/environ");

        var problem = LoadProblem(pack);

        problem.Message.Should().Be("source 'burnham-2009': file '/proc/self/environ' is not a path relative to the pack folder; a pack names its files relative to pack.yaml");
    }

    [Test]
    public void LoadFromDirectory_DefaultRoot_SourceBesideThePackIsOutside()
    {
        using var pack = TestPack.WithRule("true");

        var act = () => RulePack.LoadFromDirectory(pack.Directory);

        act.Should().Throw<RulePackLoadException>().Which.Problems.Should().ContainSingle()
            .Which.Message.Should().StartWith("source 'burnham-2009': file '../sources/burnham-2009-letter.md' is outside the folder the pack may read");
    }

    [Test]
    public void LoadFromDirectory_SourceLinkedToAFileOutside_IsAProblem()
    {
        using var pack = TestPack.WithRule("true");
        var outside = Path.Combine(Path.GetTempPath(), "procurement-hostile-" + Guid.NewGuid().ToString("N") + ".md");
        File.Copy(RepoPaths.Letter, outside);
        try
        {
            File.CreateSymbolicLink(Path.Combine(pack.Directory, "letter.md"), outside);
            SetSourceFile(pack, "letter.md");

            var problem = LoadProblem(pack);

            problem.Message.Should().StartWith($"source 'burnham-2009': file 'letter.md' is a link to {outside}, outside the folder the pack may read");
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Test]
    public void LoadFromDirectory_SourceIsADevice_IsAProblemNotAnOutOfMemory()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("/dev/zero is a Unix device");
        }

        using var pack = TestPack.WithRule("true");
        var relative = Path.GetRelativePath(pack.Directory, "/dev/zero");
        SetSourceFile(pack, relative);

        var problem = LoadProblem(pack);

        problem.Message.Should().Contain("is outside the folder the pack may read");
        File.CreateSymbolicLink(Path.Combine(pack.Directory, "zero.md"), "/dev/zero");
        SetSourceFile(pack, "zero.md");
        LoadProblem(pack).Message.Should().StartWith("source 'burnham-2009': file 'zero.md' is a link to /dev/zero, outside");
    }

    [Test]
    public void LoadFromDirectory_SourceIsAFifo_IsAProblemWithoutBlocking()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("FIFOs are a Unix feature");
        }

        using var pack = TestPack.WithRule("true");
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(pack.Directory, "letter.md")))
        {
            mkfifo.WaitForExit();
        }

        SetSourceFile(pack, "letter.md");

        var problem = Guarded(() => LoadProblem(pack));

        problem.Message.Should().Be("source 'burnham-2009': file 'letter.md' is a FIFO (named pipe), not a regular file; only regular files are read");
    }

    [Test]
    public void LoadFromDirectory_RuleFileLinkedFromOutside_IsAProblem()
    {
        using var pack = TestPack.WithRule("true");
        var outside = Path.Combine(Path.GetTempPath(), "procurement-hostile-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(outside, TestPack.RuleText("true", id: "outside.rule"));
        try
        {
            File.CreateSymbolicLink(pack.PathOf("outside.rules.yaml"), outside);

            var problem = LoadProblem(pack);

            problem.File.Should().Be(pack.PathOf("outside.rules.yaml"));
            problem.Message.Should().StartWith($"is a link to {outside}, outside the folder the pack may read");
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [TestCase("extra.rules.yml")]
    [TestCase("Extra.Rules.YAML")]
    [TestCase("extra.yaml")]
    public void LoadFromDirectory_RuleFileWithAnotherExtension_IsReportedNotSkipped(string name)
    {
        using var pack = new TestPack(("test.rules.yaml", TestPack.RuleText("true")), (name, TestPack.RuleText("true", id: "other.rule")));

        var problem = LoadProblem(pack);

        problem.File.Should().Be(pack.PathOf(name));
        problem.Message.Should().Be($"'{name}' is not read: a pack folder holds pack.yaml, rule files ending in '.rules.yaml' (lower case) and inferences.yaml; rename it or move it out of the folder");
    }

    [Test]
    public void LoadFromDirectory_RootThatDoesNotContainThePack_ThrowsArgumentException()
    {
        using var pack = TestPack.WithRule("true");

        var act = () => RulePack.LoadFromDirectory(pack.Directory, new RulePackLoadOptions { RootDirectory = RepoPaths.Rules });

        act.Should().Throw<ArgumentException>().WithMessage("*must contain the pack folder*");
    }

    [Test]
    public void LoadFromDirectory_PackYamlIsAFolder_SaysSo()
    {
        using var pack = TestPack.WithRule("true");
        File.Delete(pack.PathOf("pack.yaml"));
        Directory.CreateDirectory(pack.PathOf("pack.yaml"));

        LoadProblem(pack).Message.Should().Be("pack.yaml is a folder, not a file");
    }

    [Test]
    public void LoadFromDirectory_UnclosedFlowMappingInARuleFile_IsALocatedProblem()
    {
        using var pack = new TestPack(("test.rules.yaml", "rules:\n  - id: a\n    title: { b: c\n    principle: x\n"));

        var problem = LoadProblem(pack);

        problem.File.Should().Be(pack.PathOf("test.rules.yaml"));
        problem.Message.Should().StartWith("YAML syntax: ");
        problem.Line.Should().BeGreaterThan(2);
    }

    [Test]
    public void LoadFromDirectory_EmptyTagInARuleFile_IsALocatedProblem()
    {
        using var pack = new TestPack(("test.rules.yaml", "rules:\n  - id: !<> a\n"));

        var problem = LoadProblem(pack);

        problem.Message.Should().Be("YAML syntax: Tag value must not be empty.");
        (problem.Line, problem.Column).Should().Be((2, 12));
    }

    [Test]
    public void LoadFromDirectory_SelfReferencingAliasInARuleFile_IsRefused()
    {
        using var pack = new TestPack(("test.rules.yaml", "rules: &r [*r]\n"));

        var problem = LoadProblem(pack);

        problem.Message.Should().Be("alias '*r' refers to the node that contains it");
        (problem.Line, problem.Column).Should().Be((1, 12));
    }

    [Test]
    public void LoadFromDirectory_BillionLaughsInARuleFile_FailsFast()
    {
        var text = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + string.Concat(Enumerable.Range(1, 8).Select(i =>
            $"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(",", Enumerable.Repeat("*" + (char)('a' + i - 1), 10))}]\n"));
        using var pack = new TestPack(("test.rules.yaml", text));

        var problem = Guarded(() => LoadProblem(pack));

        problem.Message.Should().Be("aliases reach more than 10,000 values (InputLimits.MaxAliasNodes)");
    }

    [Test]
    public void LoadFromDirectory_BinaryTagInARuleFile_IsRefused()
    {
        using var pack = new TestPack(("test.rules.yaml", "rules: !!binary aGVsbG8=\n"));

        LoadProblem(pack).Message.Should().Be("YAML tags are not supported: '!!binary'");
    }

    [Test]
    public void LoadFromDirectory_InvalidUtf8InARuleFile_IsALocatedProblem()
    {
        using var pack = TestPack.WithRule("true");
        File.WriteAllBytes(pack.PathOf("test.rules.yaml"), [.. "rules:\n  - id: caf"u8, 0xE9, .. "\n"u8]);

        var problem = LoadProblem(pack);

        problem.Message.Should().Be("invalid UTF-8 (byte 0xE9): the file must be saved as UTF-8");
        (problem.Line, problem.Column).Should().Be((2, 12));
    }

    [Test]
    public void LoadFromDirectory_RuleFileOverTheSizeLimit_IsAProblem()
    {
        using var pack = TestPack.WithRule("true");
        var options = pack.Options with { Limits = new InputLimits { MaxFileBytes = 100 } };

        var act = () => RulePack.LoadFromDirectory(pack.Directory, options);

        act.Should().Throw<RulePackLoadException>().Which.Problems.Should().Contain(p => p.Message.Contains("(InputLimits.MaxFileBytes)", StringComparison.Ordinal));
    }

    [Test]
    public void LoadFromDirectory_FactThatUsesItself_SaysSo()
    {
        using var pack = TestPack.WithRule("true", facts: "        f: f + 1");

        var problem = LoadProblem(pack);

        problem.Message.Should().Be("fact 'f': the fact uses itself ('f'); a fact may use only the facts declared before it (in: f + 1)");
        problem.RuleId.Should().Be("test.rule");
        (problem.Line, problem.Column).Should().Be(pack.Find("test.rules.yaml", "f + 1"));
    }

    [TestCase("it")]
    [TestCase("parent")]
    [TestCase("np")]
    public void LoadFromDirectory_FactNamedAfterAWordOfTheLanguage_IsAProblem(string name)
    {
        using var pack = TestPack.WithRule("true", facts: $"        {name}: 1");

        var problem = LoadProblem(pack);

        problem.Message.Should().Be($"fact name '{name}' is a word of the expression language; choose another name");
        problem.Line.Should().Be(pack.Find("test.rules.yaml", name + ": 1").Line);
    }

    [Test]
    public void LoadFromDirectory_ErrorInsideAFoldedExpression_PointsAtItsLine()
    {
        using var pack = TestPack.WithRule(">-\n      Tender != null\n      && Tender.NoSuch == 1\n      && true");

        var problem = LoadProblem(pack);

        problem.Message.Should().StartWith("'require': No property or field 'NoSuch' exists in type 'TenderPlan'");
        var (line, column) = pack.Find("test.rules.yaml", "Tender.NoSuch");
        problem.Line.Should().Be(line);
        problem.Column.Should().BeInRange(column, column + "Tender.NoSuch".Length);
    }

    [Test]
    public void LoadFromDirectory_ErrorInsideAMultiLinePlainExpression_PointsAtItsLine()
    {
        using var pack = TestPack.WithRule("Tender != null\n      && Tender.NoSuch == 1");

        var problem = LoadProblem(pack);

        var (line, column) = pack.Find("test.rules.yaml", "Tender.NoSuch");
        problem.Line.Should().Be(line);
        problem.Column.Should().BeInRange(column, column + "Tender.NoSuch".Length);
    }

    [Test]
    public void LoadFromDirectory_PackReachedThroughALink_LoadsWithinItsRealRoot()
    {
        using var pack = TestPack.WithRule("true");
        var link = Path.Combine(Path.GetTempPath(), "procurement-hostile-link-" + Guid.NewGuid().ToString("N"));
        Directory.CreateSymbolicLink(link, Path.GetDirectoryName(pack.Directory)!);
        try
        {
            var loaded = RulePack.LoadFromDirectory(Path.Combine(link, "pack"), new RulePackLoadOptions { RootDirectory = link });

            loaded.Rules.Should().ContainSingle().Which.Id.Should().Be("test.rule");
        }
        finally
        {
            Directory.Delete(link);
        }
    }

    [Test]
    public void Default_EmbeddedPack_StillLoads()
    {
        RulePack.Default.Rules.Should().NotBeEmpty();
    }

    private static LoadProblem LoadProblem(TestPack pack) => pack.LoadFails().Problems.Should().ContainSingle().Which;

    private static void SetSourceFile(TestPack pack, string file)
    {
        var path = pack.PathOf("pack.yaml");
        var lines = File.ReadAllLines(path);
        var at = Array.FindIndex(lines, l => l.TrimStart().StartsWith("file: ", StringComparison.Ordinal));
        lines[at] = lines[at][..(lines[at].IndexOf("file: ", StringComparison.Ordinal) + 6)] + file;
        File.WriteAllLines(path, lines);
    }

    private static int SourceLine(TestPack pack) => pack.Find("pack.yaml", "file: ").Line;

    private static T Guarded<T>(Func<T> action)
    {
        var task = Task.Run(action);
        task.Wait(TimeSpan.FromSeconds(10)).Should().BeTrue("the input must fail fast, not hang");
        return task.Result;
    }
}
