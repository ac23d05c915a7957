using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Procurement.Model;

namespace Procurement.Rules.Tests.Hostile;

/// <summary>
/// Hostile and broken procurement files, one class of input per test: each fails the load with a
/// <see cref="ProcurementLoadException"/> naming the exact problem and where it is, and none crashes, hangs or
/// exhausts memory (a generous guard of 10 s on the inputs that used to hang or grow without end).
/// </summary>
[TestFixture]
public class HostileCaseFileTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    private string _temp = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = Path.Combine(Path.GetTempPath(), "procurement-hostile", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_temp);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_temp, recursive: true);

    [Test]
    public void ParseYaml_UnclosedFlowMapping_IsALocatedSyntaxProblem()
    {
        var problem = YamlProblem("id: x\ntitle: { b: c\nnotes: e\n");

        problem.Message.Should().Be("YAML syntax: the text cannot be parsed here (is a '{' or '[' before it not closed?)");
        (problem.Line, problem.Column).Should().Be((3, 1));
    }

    [Test]
    public void ParseYaml_UnclosedFlowSequence_IsALocatedSyntaxProblem()
    {
        var problem = YamlProblem("id: x\ntitle: [b, c\nnotes: e\n");

        problem.Message.Should().StartWith("YAML syntax: ");
        problem.Line.Should().BeOneOf(3, 4);
    }

    [Test]
    public void ParseYaml_EmptyTag_IsALocatedSyntaxProblem()
    {
        var problem = YamlProblem("id: !<> x\n");

        problem.Message.Should().Be("YAML syntax: Tag value must not be empty.");
        (problem.Line, problem.Column).Should().Be((1, 8));
    }

    [Test]
    public void ParseYaml_SelfReferencingAlias_IsRefusedAtTheAlias()
    {
        var problem = YamlProblem("id: x\nsources: &a [*a]\n");

        problem.Message.Should().Be("alias '*a' refers to the node that contains it");
        (problem.Line, problem.Column).Should().Be((2, 14));
    }

    [Test]
    public void ParseYaml_SelfReferencingAliasAsKey_IsRefusedAtTheAlias()
    {
        var problem = YamlProblem("id: x\nnotes: &a { *a : b }\n");

        problem.Message.Should().Be("alias '*a' refers to the node that contains it");
        (problem.Line, problem.Column).Should().Be((2, 13));
    }

    [Test]
    public void ParseYaml_100000NestedFlowLists_IsADepthProblemNotAStackOverflow()
    {
        var text = "id: x\nnotes: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var problem = Guarded(() => YamlProblem(text));

        problem.Message.Should().Be("mappings and lists are nested more than 64 deep (InputLimits.MaxDepth)");
        (problem.Line, problem.Column).Should().Be((2, 8 + 63));
    }

    [Test]
    public void ParseJson_100000NestedArrays_IsADepthProblemNotAStackOverflow()
    {
        var text = "{\"id\": \"x\", \"notes\": " + new string('[', 100_000) + new string(']', 100_000) + "}";

        var problem = Guarded(() => JsonProblem(text));

        problem.Message.Should().Be("objects and arrays are nested more than 64 deep (InputLimits.MaxDepth)");
        (problem.Line, problem.Column).Should().Be((1, 22 + 63));
    }

    [Test]
    public void Load_BillionLaughs549Bytes_FailsFastAtTheAliasThatCrossesTheLimit()
    {
        var text = new StringBuilder("id: laughs\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            text.Append(CultureInfo(level)).Append(": &").Append(level).Append(" [")
                .Append(string.Join(",", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        var path = Write("laughs.yaml", text.ToString());
        new FileInfo(path).Length.Should().BeLessThan(600);

        var problem = Guarded(() => LoadProblem(path));

        problem.Message.Should().Be("aliases reach more than 10,000 values (InputLimits.MaxAliasNodes)");
        problem.Line.Should().BeInRange(4, 6);
    }

    [Test]
    public void ParseYaml_TabIndentation_IsReportedOnTheTabsLine()
    {
        var problem = YamlProblem("id: x\ntender:\n\troute: openTender\n");

        problem.Message.Should().StartWith("YAML syntax: ").And.Contain("tab");
        problem.Line.Should().Be(3);
    }

    [Test]
    public void ParseYaml_UndefinedAlias_IsReportedAtTheAlias()
    {
        var problem = YamlProblem("id: x\nnotes: *nowhere\n");

        problem.Message.Should().Be("undefined alias '*nowhere' (no anchor '&nowhere' before it)");
        (problem.Line, problem.Column).Should().Be((2, 8));
    }

    [TestCase("!!binary aGVsbG8=", "!!binary")]
    [TestCase("!!python/object:os.system ls", "!!python/object:os.system")]
    [TestCase("!custom x", "!custom")]
    public void ParseYaml_Tag_IsRefused(string value, string shown)
    {
        var problem = YamlProblem("id: x\nnotes: " + value + "\n");

        problem.Message.Should().Be($"YAML tags are not supported: '{shown}'");
        (problem.Line, problem.Column).Should().Be((2, 8));
    }

    [Test]
    public void ParseYaml_TwoDocuments_IsAProblemAtTheSecond()
    {
        var problem = YamlProblem("id: x\n---\nid: y\n");

        problem.Message.Should().Be("expected one YAML document, found more ('---' starts another)");
        problem.Line.Should().Be(2);
    }

    [TestCase("{\"id\": \"x\" // comment\n}", 1, 12)]
    [TestCase("{\"id\": \"x\", /* c */ \"title\": \"t\"}", 1, 13)]
    [TestCase("{\"id\": \"x\",}", 1, 12)]
    [TestCase("{\"sources\": [{\"title\": \"a\"},], \"id\": \"x\"}", 1, 29)]
    [TestCase("{'id': 'x'}", 1, 2)]
    [TestCase("{id: \"x\"}", 1, 2)]
    [TestCase("{\"id\": \"x\", \"termMonths\": NaN}", 1, 27)]
    [TestCase("{\"id\": \"x\", \"termMonths\": undefined}", 1, 27)]
    [TestCase("{\"id\": \"x\", \"decisionDate\": new Date(2009, 1, 1)}", 1, 30)]
    [TestCase("{\"id\": \"x\", \"termMonths\": 010}", 1, 28)]
    [TestCase("{\"id\": \"x\", \"termMonths\": 0x10}", 1, 28)]
    [TestCase("{\"id\": \"x\", \"termMonths\": +1}", 1, 27)]
    [TestCase("{\"id\": \"x\u0000\"}", 1, 10)]
    [TestCase("{\"id\": \"x\"} {\"id\": \"y\"}", 1, 13)]
    public void ParseJson_NotJson_IsALocatedSyntaxProblem(string json, int line, int column)
    {
        var problem = JsonProblem(json);

        problem.Message.Should().StartWith("JSON syntax: ");
        (problem.Line, problem.Column).Should().Be((line, column));
    }

    [Test]
    public void Load_EmptyJsonFile_IsAProblemAtLineOneColumnOne()
    {
        var problem = LoadProblem(Write("empty.json", string.Empty));

        problem.Message.Should().Be("the file is empty: expected a JSON object");
        (problem.Line, problem.Column).Should().Be((1, 1));
    }

    [Test]
    public void Load_EmptyYamlFile_SaysItIsEmpty()
    {
        var problem = LoadProblem(Write("empty.yaml", string.Empty));

        problem.Message.Should().Be("the file is empty: expected a YAML mapping");
    }

    [TestCase("case.yaml", "id: x\ntitle: caf\u00e9\nnotes: a\u00ffb\n", 3, 9)]
    [TestCase("case.json", "{\"id\": \"x\",\n \"notes\": \"a\u00ffb\"}", 2, 13)]
    public void Load_InvalidUtf8_IsAProblemAtTheByte(string name, string latin1, int line, int column)
    {
        var path = Path.Combine(_temp, name);
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(latin1.Replace("caf\u00e9", "cafe", StringComparison.Ordinal)));

        var problem = LoadProblem(path);

        problem.Message.Should().Be("invalid UTF-8 (byte 0xFF): the file must be saved as UTF-8");
        (problem.Line, problem.Column).Should().Be((line, column));
    }

    [Test]
    public void ParseYamlAndParseJson_LeadingByteOrderMark_IsIgnoredAsInAFile()
    {
        ProcurementFile.ParseYaml("\uFEFFid: x\n").Id.Should().Be("x");
        ProcurementFile.ParseJson("\uFEFF{\"id\": \"x\"}").Id.Should().Be("x");
        File.WriteAllText(Path.Combine(_temp, "bom.json"), "{\"id\": \"x\"}", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        ProcurementFile.Load(Path.Combine(_temp, "bom.json")).Id.Should().Be("x");
    }

    [Test]
    public void ParseJson_LoneSurrogateEscape_IsALocatedProblem()
    {
        var problem = JsonProblem("{\"id\": \"x\",\n \"notes\": \"\\ud800\"}");

        problem.Message.Should().StartWith("JSON");
        problem.Line.Should().Be(2);
    }

    [Test]
    public void Load_Device_IsRefusedBeforeReading()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("/dev/zero is a Unix device");
        }

        var link = Path.Combine(_temp, "zero.yaml");
        File.CreateSymbolicLink(link, "/dev/zero");

        var problem = Guarded(() => LoadProblem(link));

        problem.Message.Should().Be("is a device, not a regular file; only regular files are read");
        problem.File.Should().Be(link);
    }

    [Test]
    public void Load_Fifo_IsRefusedWithoutBlocking()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("FIFOs are a Unix feature");
        }

        var fifo = Path.Combine(_temp, "pipe.yaml");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        var problem = Guarded(() => LoadProblem(fifo));

        problem.Message.Should().Be("is a FIFO (named pipe), not a regular file; only regular files are read");
    }

    [Test]
    public void Load_Folder_IsRefused()
    {
        var folder = Path.Combine(_temp, "folder.yaml");
        Directory.CreateDirectory(folder);

        LoadProblem(folder).Message.Should().Be("is a folder, not a file");
    }

    [Test]
    public void Load_MissingFile_ThrowsFileNotFound()
    {
        var act = () => ProcurementFile.Load(Path.Combine(_temp, "missing.yaml"));

        act.Should().Throw<FileNotFoundException>();
    }

    [Test]
    public void Load_FileOverTheSizeLimit_IsRefusedBeforeReading()
    {
        var path = Write("big.yaml", "id: x\nnotes: " + new string('a', 2000) + "\n");
        var options = new ProcurementLoadOptions { Limits = new InputLimits { MaxFileBytes = 1000 } };

        var act = () => ProcurementFile.Load(path, options);

        act.Should().Throw<ProcurementLoadException>().Which.Problems.Should().ContainSingle()
            .Which.Message.Should().Be("the file is 2,014 bytes, more than the limit of 1,000 bytes (InputLimits.MaxFileBytes)");
    }

    [Test]
    public void ParseYaml_ValueOverTheLengthLimit_IsALocatedProblem()
    {
        var options = new ProcurementLoadOptions { Limits = new InputLimits { MaxStringLength = 10 } };

        var act = () => ProcurementFile.ParseYaml("id: x\nnotes: " + new string('a', 11) + "\n", "case.yaml", options);

        var problem = act.Should().Throw<ProcurementLoadException>().Which.Problems.Should().ContainSingle().Which;
        problem.Message.Should().Be("a value of 11 characters is longer than the limit of 10 (InputLimits.MaxStringLength)");
        (problem.Line, problem.Column).Should().Be((2, 8));
    }

    [Test]
    public void ParseYamlAndJson_ListOverTheItemLimit_IsALocatedProblem()
    {
        var options = new ProcurementLoadOptions { Limits = new InputLimits { MaxListItems = 2 } };

        var yaml = () => ProcurementFile.ParseYaml("id: x\ntimelineCompleteFor: [bidReceived, bidWithdrawn, contractAwarded]\n", "case.yaml", options);
        var json = () => ProcurementFile.ParseJson("{\"id\": \"x\", \"timelineCompleteFor\": [\"bidReceived\", \"bidWithdrawn\", \"contractAwarded\"]}", "case.json", options);

        var fromYaml = yaml.Should().Throw<ProcurementLoadException>().Which.Problems.Should().ContainSingle().Which;
        fromYaml.Message.Should().Be("more than 2 items in one list (InputLimits.MaxListItems)");
        (fromYaml.Line, fromYaml.Column).Should().Be((2, 50));
        var fromJson = json.Should().Throw<ProcurementLoadException>().Which.Problems.Should().ContainSingle().Which;
        fromJson.Message.Should().Be("more than 2 items in one array (InputLimits.MaxListItems)");
        (fromJson.Line, fromJson.Column).Should().Be((1, 68));
    }

    [Test]
    public void ParseYaml_NegativeContractValue_IsAProblemAtItsPath()
    {
        var problem = YamlProblem("id: x\nincumbentContracts:\n  - provider: { name: P }\n    value: { amount: -5 }\n");

        problem.Message.Should().Be("the contract's value cannot be negative");
        (problem.Path, problem.Line).Should().Be(("incumbentContracts[0].value.amount", 4));
    }

    [Test]
    public void ParseYaml_ContradictoryPerformanceFlags_IsAProblem()
    {
        var problem = YamlProblem("id: x\nincumbentContracts:\n  - provider: { name: P }\n    performance: { underperforming: false, significantUnderperformance: true }\n");

        problem.Message.Should().StartWith("significant underperformance contradicts 'underperforming: false'");
        (problem.Path, problem.Line).Should().Be(("incumbentContracts[0].performance.significantUnderperformance", 4));
    }

    [Test]
    public void Check_UndefinedEnumValuesBuiltInCode_AreProblemsNotChecked()
    {
        var procurement = new ProposedProcurement
        {
            Id = "code",
            Tender = new TenderPlan { Route = (ProcurementRoute)999, Eligibility = (TenderEligibility)(-1) },
            Commissioner = new Commissioner { Name = "PCT", Kind = (CommissionerKind)42 },
            Timeline = [new TimelineEvent { Date = new DateOnly(2010, 1, 1), Kind = EventKind.BidReceived, PartyKind = (ProviderKind)77 }],
        };

        var act = () => RulePack.Default.Check(procurement);

        act.Should().Throw<ProcurementLoadException>().Which.Problems.Select(p => p.Path).Should().BeEquivalentTo(
            "commissioner.kind", "tender.route", "tender.eligibility", "timeline[0].partyKind");
    }

    [Test]
    public void ParseYaml_UnknownKeyAndNegativeTerm_ListsBoth()
    {
        var act = () => ProcurementFile.ParseYaml("id: x\nscenaro: underperformance\ntermMonths: -3\n", "case.yaml");

        act.Should().Throw<ProcurementLoadException>().Which.Problems.Select(p => (p.Path, p.Line, p.Message)).Should().Equal(
            ("scenaro", 2, "unknown key 'scenaro'; did you mean 'scenario'?"),
            ("termMonths", 3, "the term cannot be negative"));
    }

    [Test]
    public void ParseYaml_KeyThatIsAMapping_IsALocatedProblem()
    {
        var problem = YamlProblem("id: x\n? { a: b }\n: c\n");

        problem.Message.Should().Be("a key must be a single value, not a mapping");
        problem.Line.Should().Be(2);
    }

    [Test]
    public void LoadFromStreamAndReader_Overloads_ReadAndLocateLikeAFile()
    {
        var yaml = "id: x\nscenaro: a\n"u8.ToArray();
        using var stream = new MemoryStream(yaml);
        using var reader = new StringReader("{\"id\": \"x\", \"scenaro\": 1}");

        var fromStream = () => ProcurementFile.Load(stream, "upload.yaml");
        var fromReader = () => ProcurementFile.Load(reader, "pasted.json");

        fromStream.Should().Throw<ProcurementLoadException>().Which.Problems.Should().ContainSingle()
            .Which.ToString().Should().Be("upload.yaml:2:1: scenaro: unknown key 'scenaro'; did you mean 'scenario'?");
        fromReader.Should().Throw<ProcurementLoadException>().Which.Problems.Should().ContainSingle()
            .Which.ToString().Should().StartWith("pasted.json:1:13: scenaro: unknown key 'scenaro'");
    }

    [Test]
    public async Task LoadAsync_PathAndStream_LoadTheSameProcurementAsLoad()
    {
        var path = Write("case.yaml", "id: async-case\ntermMonths: 12\n");
        using var stream = new MemoryStream("{\"id\": \"async-case\", \"termMonths\": 12}"u8.ToArray());

        var fromPath = await ProcurementFile.LoadAsync(path);
        var fromStream = await ProcurementFile.LoadAsync(stream, "case.json");

        fromPath.Should().Be(ProcurementFile.Load(path));
        fromStream.Should().Be(fromPath);
    }

    [Test]
    public async Task LoadAsync_Cancelled_ThrowsOperationCanceled()
    {
        var path = Write("case.yaml", "id: x\n");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => ProcurementFile.LoadAsync(path, cancellationToken: cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Test]
    public void ParseYaml_ManyHugeMisspeltValues_FailFastWithShortMessages()
    {
        var huge = new string('x', 500_000);
        var yaml = "id: x\ntimelineCompleteFor: [" + string.Join(", ", Enumerable.Repeat(huge, 20)) + "]\n";

        var problems = Guarded(() =>
        {
            var act = () => ProcurementFile.ParseYaml(yaml, "case.yaml");
            return act.Should().Throw<ProcurementLoadException>().Which.Problems;
        });

        problems.Should().HaveCount(20).And.OnlyContain(p => p.Message.Length < 1000 && p.Message.StartsWith("'xxx", StringComparison.Ordinal));
    }

    [Test]
    public void ParseYamlAndJson_CrLfLineEndings_ProblemsKeepTheirLines()
    {
        var yaml = YamlProblem("id: x\r\ntitle: t\r\nscenaro: a\r\n");
        var json = JsonProblem("{\r\n\"id\": \"x\",\r\n\"scenaro\": 1\r\n}");

        (yaml.Line, yaml.Column).Should().Be((3, 1));
        (json.Line, json.Column).Should().Be((3, 1));
    }

    [Test]
    public void ParseYaml_MergeKey_IsAnUnknownKeyNotAMerge()
    {
        var problem = YamlProblem("id: x\ntender: &t { route: openTender }\nservice: { <<: *t, name: s }\n");

        problem.Message.Should().StartWith("unknown key '<<'");
        (problem.Path, problem.Line).Should().Be(("service.<<", 3));
    }

    [TestCase("termMonths: 99999999999", "termMonths", "'99999999999' is not a whole number")]
    [TestCase("value: { amount: 1e400 }", "value.amount", "'1e400' is not a number (write 25000000, not 25m or 25,000,000)")]
    [TestCase("decisionDate: 2009-13-01", "decisionDate", "'2009-13-01' is not a valid date (yyyy-MM-dd, a day that exists)")]
    public void ParseYaml_OutOfRangeNumberOrDate_IsAProblemNotAnOverflow(string line, string path, string message)
    {
        var problem = YamlProblem("id: x\n" + line + "\n");

        (problem.Path, problem.Message).Should().Be((path, message));
    }

    [Test]
    public void InputLimits_OutOfRange_ThrowsArgumentOutOfRange()
    {
        var act = () => new InputLimits { MaxDepth = 0 };

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static string CultureInfo(char level) => level.ToString();

    private static LoadProblem YamlProblem(string yaml)
    {
        var act = () => ProcurementFile.ParseYaml(yaml, "case.yaml");
        return act.Should().Throw<ProcurementLoadException>().Which.Problems.Should().ContainSingle().Which;
    }

    private static LoadProblem JsonProblem(string json)
    {
        var act = () => ProcurementFile.ParseJson(json, "case.json");
        return act.Should().Throw<ProcurementLoadException>().Which.Problems.Should().ContainSingle().Which;
    }

    private static LoadProblem LoadProblem(string path)
    {
        var act = () => ProcurementFile.Load(path);
        return act.Should().Throw<ProcurementLoadException>().Which.Problems.Should().ContainSingle().Which;
    }

    private static T Guarded<T>(Func<T> action)
    {
        var task = Task.Run(action);
        task.Wait(HangGuard).Should().BeTrue("the input must fail fast, not hang");
        return task.Result;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_temp, name);
        File.WriteAllText(path, text);
        return path;
    }
}
