namespace Procurement.Rules.Tests.Hostile;

/// <summary>
/// Classes found by a second, blind hostile pass over the loaders (after issue 9): a root of <c>/</c> that contained
/// nothing, link loops reported as "permission denied", numbers quoted as "a number", and the other loader findings
/// listed in each test's name.
/// </summary>
[TestFixture]
public class RedTeamLoaderTests
{
    [Test]
    public void LoadFromDirectory_RootIsTheFileSystemRoot_ContainsEveryPack()
    {
        Assume.That(Path.DirectorySeparatorChar, Is.EqualTo('/'), "a Unix root");
        using var pack = TestPack.WithRule("true");

        var loaded = RulePack.LoadFromDirectory(pack.Directory, new RulePackLoadOptions { RootDirectory = "/" });

        loaded.Rules.Should().ContainSingle().Which.Id.Should().Be("test.rule");
    }

    [Test]
    public void LoadFromDirectory_RuleFileInASubfolder_IsReportedNotSkipped()
    {
        using var pack = TestPack.WithRule("true");
        Directory.CreateDirectory(pack.PathOf("extra"));
        File.WriteAllText(pack.PathOf(Path.Combine("extra", "More.Rules.yml")), TestPack.RuleText("true", id: "test.more"));

        var problem = pack.LoadFails().Problems.Should().ContainSingle().Which;

        problem.Message.Should().Be("'extra/More.Rules.yml' is not read: rule files sit beside pack.yaml, not in a subfolder; move it up or out of the pack folder");
        problem.File.Should().EndWith("More.Rules.yml");
    }

    [Test]
    public void LoadFromDirectory_RuleFileIsALinkLoop_SaysItLoops()
    {
        Assume.That(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "POSIX link loops");
        using var pack = TestPack.WithRule("true");
        File.CreateSymbolicLink(pack.PathOf("b.rules.yaml"), "c.rules.yaml");
        File.CreateSymbolicLink(pack.PathOf("c.rules.yaml"), "b.rules.yaml");

        var problems = pack.LoadFails().Problems;

        problems.Select(p => p.Message).Should().Equal(
            "is a symbolic link that loops (or passes through too many links)",
            "is a symbolic link that loops (or passes through too many links)");
        problems[0].File.Should().EndWith("b.rules.yaml");
    }

    [TestCase("{\"id\":\"x\",\"value\":{\"amount\":1e400}}", "value.amount", "the number 1e400 is out of range for an amount (at most 28 significant digits, below 7.9e28)", TestName = "ParseJson_AmountOutOfRange_QuotesTheNumber")]
    [TestCase("{\"id\":\"x\",\"termMonths\":2147483648}", "termMonths", "the number 2147483648 is not a whole number from -2,147,483,648 to 2,147,483,647", TestName = "ParseJson_TermBeyondInt_QuotesTheNumber")]
    [TestCase("{\"id\":\"x\",\"termMonths\":12.0}", "termMonths", "the number 12.0 is not a whole number from -2,147,483,648 to 2,147,483,647", TestName = "ParseJson_TermWithAFraction_QuotesTheNumber")]
    [TestCase("{\"id\":\"x\",\"scenario\":3}", "scenario", "expected one of underperformance, incrementalImprovement, unsustainability, newOrRedesignedService, patientChoice, contractExpiry, found the number 3", TestName = "ParseJson_NumberForAnEnum_QuotesTheNumber")]
    public void ParseJson_NumberProblem_QuotesTheNumberAsWritten(string json, string path, string message)
    {
        var problem = Problem(() => ProcurementFile.ParseJson(json));

        problem.Path.Should().Be(path);
        problem.Message.Should().Be(message);
    }

    [Test]
    public void OcdsParse_AmountOutOfRange_QuotesTheNumber()
    {
        const string json = """{"ocid":"ocds-x","id":"1","date":"2025-01-01T00:00:00Z","tag":["award"],"initiationType":"tender","awards":[{"id":"1","value":{"amount":1e308,"currency":"GBP"}}]}""";

        var problem = Problem(() => Procurement.Rules.Ocds.OcdsReader.Parse(json));

        problem.Message.Should().Be("the number 1e308 is out of range for an amount (at most 28 significant digits, below 7.9e28)");
    }

    [Test]
    public void ParseYaml_LongValueAliasedManyTimes_StopsAtTheFileLimitInCharacters()
    {
        // 30 aliases of a 900,000-character value: 30 values (far below MaxAliasNodes) but 27 million characters.
        var yaml = "id: x\ntitle: &a " + new string('z', 900_000) + "\nsources:\n"
            + string.Concat(Enumerable.Repeat("  - { title: *a }\n", 30));

        var problem = Problem(() => ProcurementFile.ParseYaml(yaml));

        problem.Message.Should().Be("aliases reach more than 16,777,216 characters of values, the limit for a whole file (InputLimits.MaxFileBytes)");
        (problem.Line, problem.Column).Should().Be((22, 14));
    }

    [TestCase("id: x\0\n", 1, 6, TestName = "ParseYaml_NulAfterAValue_IsAProblemNotDropped")]
    [TestCase("id: x\ntitle: a\0b\n", 2, 9, TestName = "ParseYaml_NulInsideAValue_IsANamedProblem")]
    public void ParseYaml_RawNul_IsALocatedProblem(string yaml, int line, int column)
    {
        var problem = Problem(() => ProcurementFile.ParseYaml(yaml));

        problem.Message.Should().Be("a NUL character (U+0000) is not allowed in YAML; write it as \"\\0\" inside double quotes if it is meant");
        (problem.Line, problem.Column).Should().Be((line, column));
    }

    [TestCase("utf-16", ".yaml", TestName = "Load_Utf16YamlWithoutBom_SaysSaveAsUtf8")]
    [TestCase("utf-32", ".yaml", TestName = "Load_Utf32YamlWithoutBom_SaysSaveAsUtf8")]
    [TestCase("utf-16", ".json", TestName = "Load_Utf16JsonWithoutBom_SaysSaveAsUtf8")]
    public void Load_WideEncodingWithoutBom_SaysSaveAsUtf8(string encoding, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), "procurement-redteam-" + Guid.NewGuid().ToString("N") + extension);
        var text = extension == ".json" ? "{\"id\":\"x\"}" : "id: x\ntitle: t\n";
        File.WriteAllBytes(path, System.Text.Encoding.GetEncoding(encoding).GetBytes(text));
        try
        {
            var problem = Problem(() => ProcurementFile.Load(path));

            problem.Message.Should().Be("the file starts with NUL bytes: it looks like UTF-16 or UTF-32 without a byte order mark; save it as UTF-8");
            (problem.Line, problem.Column).Should().Be((1, 1));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("", TestName = "ParseJson_Empty_SaysTheFileIsEmpty")]
    [TestCase("  \n\t ", TestName = "ParseJson_OnlyWhitespace_SaysTheFileIsEmpty")]
    public void ParseJson_Empty_SaysTheFileIsEmpty(string json)
    {
        var problem = Problem(() => ProcurementFile.ParseJson(json));

        problem.Message.Should().Be("the file is empty: expected a JSON object");
        (problem.Line, problem.Column).Should().Be((1, 1));
    }

    [Test]
    public void ParseYaml_KeyWithANoBreakSpace_ShowsTheInvisibleCharacter()
    {
        var problem = Problem(() => ProcurementFile.ParseYaml("id: x\ntitle\u00A0: t\n"));

        problem.Message.Should().Be("unknown key 'title\\u00A0'; did you mean 'title'?");
        (problem.Line, problem.Column).Should().Be((2, 1));
    }

    [Test]
    public void ParseYaml_EnumValueWithAZeroWidthSpace_ShowsTheInvisibleCharacter()
    {
        var problem = Problem(() => ProcurementFile.ParseYaml("id: x\nscenario: contract\u200BExpiry\n"));

        problem.Message.Should().StartWith("'contract\\u200BExpiry' is not one of underperformance");
    }

    [Test]
    public void OcdsParse_RecordPackageWithReleasesToo_IsAProblemNotAnIgnoredHalf()
    {
        const string json = """
            {"records":[{"ocid":"ocds-c","releases":[{"ocid":"ocds-c","id":"2","date":"2025-01-01T00:00:00Z","tag":["tender"],"initiationType":"tender"}]}],
             "releases":[{"ocid":"ocds-b","id":"1","date":"2025-01-01T00:00:00Z","tag":["tender"],"initiationType":"tender"}]}
            """;

        var problem = Problem(() => Procurement.Rules.Ocds.OcdsReader.Parse(json));

        problem.Message.Should().Be("a record package (it has 'records') cannot also have 'releases': it is not read; split the file or remove one of them");
        (problem.Line, problem.Column).Should().Be((2, 13));
    }

    private static LoadProblem Problem(Func<object> load) =>
        load.Should().Throw<ProcurementLoadException>().Which.Problems.Should().ContainSingle().Which;
}
