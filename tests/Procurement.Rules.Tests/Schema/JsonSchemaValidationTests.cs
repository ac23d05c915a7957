using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Procurement.Rules.Loading;
using Procurement.Rules.Ocds;

namespace Procurement.Rules.Tests.Schema;

/// <summary>
/// The published JSON Schemas, checked with a real validator (JsonSchema.Net): the case-file schema is generated from
/// the model and agrees with the reader on every sample, fixture and mutation; the rule-file and pack schemas accept
/// every rule file and pack.yaml.
/// </summary>
public class JsonSchemaValidationTests
{
    private static readonly string SchemaDirectory = Path.Combine(RepoPaths.Docs, "schema");
    private static readonly JsonSchema ProcurementSchema = Load(ProcurementSchemaGenerator.FileName);
    private static readonly JsonSchema RuleFileSchema = Load("rule-file.schema.json");
    private static readonly JsonSchema PackSchema = Load("pack.schema.json");

    public static IEnumerable<TestCaseData> CaseFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Samples, "cases"), "*.yaml")
            .Concat(Directory.EnumerateFiles(RepoPaths.Rules, "*.yaml", SearchOption.AllDirectories).Where(f => f.Contains($"{Path.DirectorySeparatorChar}fixtures{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetRelativePath(RepoPaths.Root, f)).SetArgDisplayNames(Path.GetRelativePath(RepoPaths.Root, f)));

    public static IEnumerable<TestCaseData> RuleFiles() =>
        Directory.EnumerateFiles(RepoPaths.Rules, "*.rules.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetRelativePath(RepoPaths.Root, f)).SetArgDisplayNames(Path.GetRelativePath(RepoPaths.Root, f)));

    public static IEnumerable<TestCaseData> PackFiles() =>
        Directory.EnumerateFiles(RepoPaths.Rules, "pack.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetRelativePath(RepoPaths.Root, f)).SetArgDisplayNames(Path.GetRelativePath(RepoPaths.Root, f)));

    [Test]
    public void ProcurementSchema_CommittedFile_IsGeneratedFromTheModel()
    {
        var path = Path.Combine(SchemaDirectory, ProcurementSchemaGenerator.FileName);
        var generated = ProcurementSchemaGenerator.Generate();
        if (Environment.GetEnvironmentVariable("PROCUREMENT_WRITE_SCHEMA") == "1")
        {
            File.WriteAllText(path, generated);
        }

        File.ReadAllText(path).ReplaceLineEndings("\n").Should().Be(generated,
            "docs/schema/procurement.schema.json is generated: after changing the model run this test with PROCUREMENT_WRITE_SCHEMA=1 and commit the file");
    }

    [Test]
    public void ProcurementSchema_EveryModelType_HasItsKeysAndEnumValues()
    {
        var defs = JsonNode.Parse(File.ReadAllText(Path.Combine(SchemaDirectory, ProcurementSchemaGenerator.FileName)))!["$defs"]!.AsObject();
        // An event's date is written as text or a map of bounds (eventDate), not member by member, and its precision
        // and relation to another event are read from that text, never written as values.
        foreach (var type in typeof(Procurement.Model.ProposedProcurement).Assembly.GetExportedTypes()
            .Where(t => t != typeof(Procurement.Model.ProposedProcurement) && t != typeof(Procurement.Model.EventDate) && t != typeof(Procurement.Model.DatePrecision) && t != typeof(Procurement.Model.DateRelation)))
        {
            var def = defs[ProcurementSchemaGenerator.Camel(type.Name)];
            def.Should().NotBeNull($"{type.Name} has a definition");
            if (type.IsEnum)
            {
                def!["enum"]!.AsArray().Select(v => (string)v!).Should().Equal(Enum.GetNames(type).Select(ProcurementSchemaGenerator.Camel));
            }
            else
            {
                def!["properties"]!.AsObject().Select(p => p.Key).Should().Equal(ProcurementSchemaGenerator.Keys(type).Select(p => ProcurementSchemaGenerator.Camel(p.Name)));
            }
        }
    }

    [TestCaseSource(nameof(CaseFiles))]
    public void ProcurementSchema_CaseFile_Validates(string file)
    {
        var path = Path.Combine(RepoPaths.Root, file);
        ProcurementFile.Load(path); // the reader accepts it, so the schema must too
        Errors(ProcurementSchema, YamlToJson.Convert(File.ReadAllText(path))).Should().BeEmpty();
    }

    [Test]
    public void ProcurementSchema_ImportedOcdsAndWrittenJson_Validate()
    {
        var procurements = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "ocds")).SelectMany(OcdsReader.Load).Append(Cases.GreatYarmouth());
        foreach (var procurement in procurements)
        {
            Errors(ProcurementSchema, JsonNode.Parse(ProcurementFile.ToJson(procurement))).Should().BeEmpty(procurement.Id);
        }
    }

    /// <summary>Mutations of a valid case: the schema and the reader must both reject each one.</summary>
    [TestCase("scenaro", "contractExpiry", TestName = "ProcurementSchema_MisspeltKey_FailsLikeTheReader")]
    [TestCase("scenario", "contractExpiree", TestName = "ProcurementSchema_MisspeltEnumValue_FailsLikeTheReader")]
    [TestCase("termMonths", "\"36\"", TestName = "ProcurementSchema_NumberAsText_FailsLikeTheReader")]
    [TestCase("decisionDate", "\"1 October 2009\"", TestName = "ProcurementSchema_DateNotIso_FailsLikeTheReader")]
    [TestCase("tender", "{ \"route\": \"openTender\", \"eligibilty\": \"open\" }", TestName = "ProcurementSchema_MisspeltNestedKey_FailsLikeTheReader")]
    [TestCase("tender", "{ \"method\": \"open\" }", TestName = "ProcurementSchema_OcdsCodeForTheMethod_FailsLikeTheReader")]
    [TestCase("timeline", "[ { \"date\": \"2009-10-01\" } ]", TestName = "ProcurementSchema_MissingRequiredKey_FailsLikeTheReader")]
    [TestCase("relatedProcesses", "[ { \"relationship\": \"framework\", \"identifier\": \"x\" }, { \"identifier\": \"y\" } ]", TestName = "ProcurementSchema_RelatedProcessWithoutRelationship_FailsLikeTheReader")]
    [TestCase("awards", "[ { \"status\": \"active\" } ]", TestName = "ProcurementSchema_AwardStatusWithoutPrefix_FailsLikeTheReader")]
    [TestCase("id", "null", TestName = "ProcurementSchema_RequiredKeyNull_FailsLikeTheReader")]
    public void ProcurementSchema_Mutation_FailsLikeTheReader(string key, string json)
    {
        var document = JsonNode.Parse(ProcurementFile.ToJson(Cases.GreatYarmouth()))!.AsObject();
        document[key] = json.StartsWith('{') || json.StartsWith('[') || json.StartsWith('"') || json == "null" ? JsonNode.Parse(json) : JsonValue.Create(json);

        Errors(ProcurementSchema, document).Should().NotBeEmpty();
        FluentActions.Invoking(() => ProcurementFile.ParseJson(document.ToJsonString())).Should().Throw<ProcurementLoadException>();
    }

    [Test]
    public void ProcurementSchema_NotRecordedAsNull_PassesLikeTheReader()
    {
        var document = JsonNode.Parse(ProcurementFile.ToJson(Cases.GreatYarmouth()))!.AsObject();
        document["scenario"] = null;
        document["tender"]!["numberOfTenderers"] = null;
        document["awards"] = JsonNode.Parse("""[ { "status": "awardActive", "suppliers": [ { "name": "A", "kind": null } ] } ]""");

        Errors(ProcurementSchema, document).Should().BeEmpty();
        ProcurementFile.ParseJson(document.ToJsonString()).Scenario.Should().BeNull();
    }

    [TestCaseSource(nameof(RuleFiles))]
    public void RuleFileSchema_RuleFile_Validates(string file) =>
        Errors(RuleFileSchema, YamlToJson.Convert(File.ReadAllText(Path.Combine(RepoPaths.Root, file)))).Should().BeEmpty();

    [TestCaseSource(nameof(PackFiles))]
    public void PackSchema_PackYaml_Validates(string file) =>
        Errors(PackSchema, YamlToJson.Convert(File.ReadAllText(Path.Combine(RepoPaths.Root, file)))).Should().BeEmpty();

    [TestCase("severity: major", "severity: majr", TestName = "RuleFileSchema_MisspeltSeverity_Fails")]
    [TestCase("    principle:", "    principal:", TestName = "RuleFileSchema_MisspeltKey_Fails")]
    [TestCase("    require:", "    # require:", TestName = "RuleFileSchema_MissingRequire_Fails")]
    public void RuleFileSchema_Mutation_Fails(string from, string to)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.DefaultPack, "best-value.rules.yaml"));
        text.Should().Contain(from);

        Errors(RuleFileSchema, YamlToJson.Convert(ReplaceFirst(text, from, to))).Should().NotBeEmpty();
    }

    [TestCase("  from: 2009-09-25", "  from: 25 September 2009", TestName = "PackSchema_DateNotIso_Fails")]
    [TestCase("  - key: fair-tender", "  - kye: fair-tender", TestName = "PackSchema_MisspeltKey_Fails")]
    [TestCase("version: 1.0.0", "# version: 1.0.0", TestName = "PackSchema_MissingVersion_Fails")]
    public void PackSchema_Mutation_Fails(string from, string to)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.DefaultPack, "pack.yaml"));
        text.Should().Contain(from);

        Errors(PackSchema, YamlToJson.Convert(ReplaceFirst(text, from, to))).Should().NotBeEmpty();
    }

    [Test]
    public void PackSchema_Keys_MatchTheLoader()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(SchemaDirectory, "pack.schema.json")))!;
        static IEnumerable<string> Keys(JsonNode node) => node["properties"]!.AsObject().Select(p => p.Key);

        Keys(schema).Should().BeEquivalentTo(RulePackLoader.PackKeys);
        Keys(schema["$defs"]!["period"]!).Should().BeEquivalentTo(RulePackLoader.PeriodKeys);
        Keys(schema["$defs"]!["source"]!).Should().BeEquivalentTo(RulePackLoader.SourceKeys);
        Keys(schema["$defs"]!["principle"]!).Should().BeEquivalentTo(RulePackLoader.PrincipleKeys);
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        return text[..at] + to + text[(at + from.Length)..];
    }

    private static JsonSchema Load(string file) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemaDirectory, file)), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    /// <summary>Every error the validator reports, as "instance location: message".</summary>
    private static List<string> Errors(JsonSchema schema, JsonNode? document)
    {
        using var json = JsonDocument.Parse(document?.ToJsonString() ?? "null");
        var results = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
        return errors.Count > 0 ? errors : ["invalid"];
    }
}
