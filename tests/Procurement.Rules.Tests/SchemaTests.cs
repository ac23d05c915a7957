using Newtonsoft.Json.Linq;
using Procurement.Rules.Loading;

namespace Procurement.Rules.Tests;

/// <summary>The published rule-file schema (for editors) says what the loader accepts: the same keys, the same required keys.</summary>
public class SchemaTests
{
    private static readonly JObject Schema = JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Docs, "schema", "rule-file.schema.json")));

    [Test]
    public void Schema_FileKeys_MatchTheLoader() => Keys(Schema).Should().BeEquivalentTo(RulePackLoader.RuleFileKeys);

    [Test]
    public void Schema_RuleKeys_MatchTheLoader() => Keys(Schema["$defs"]!["rule"]!).Should().BeEquivalentTo(RulePackLoader.RuleKeys);

    [Test]
    public void Schema_MessageKeys_MatchTheLoader() => Keys(Schema["$defs"]!["message"]!).Should().BeEquivalentTo(RulePackLoader.MessageKeys);

    [Test]
    public void Schema_CitationKeys_MatchTheLoader() => Keys(Schema["$defs"]!["citation"]!).Should().BeEquivalentTo(RulePackLoader.CitationKeys);

    [Test]
    public void Schema_RequiredRuleKeys_AreWhatTheLoaderRequires()
    {
        var required = Schema["$defs"]!["rule"]!["required"]!.Values<string>().ToList();

        // Leaving out any required key must fail the load; leaving out any other key must not.
        // 'from' needs a pack with versions (DatedPackTests covers it); the test pack copies the 2009 pack, which has none.
        foreach (var key in RulePackLoader.RuleKeys.Where(k => k != "from"))
        {
            using var pack = new TestPack(("test.rules.yaml", WithoutKey(TestPack.RuleText("true", when: "true", facts: "      f: Scenario", extra: "    description: d\n    scenarios: [1]\n"), key)));
            var act = () => pack.Load();
            if (required.Contains(key))
            {
                act.Should().Throw<RulePackLoadException>($"'{key}' is required by the schema");
            }
            else
            {
                act.Should().NotThrow($"'{key}' is optional in the schema");
            }
        }
    }

    [Test]
    public void Schema_Severities_AreTheEnumsValues() =>
        Schema["$defs"]!["rule"]!["properties"]!["severity"]!["enum"]!.Values<string>().Should().BeEquivalentTo(Enum.GetNames<Severity>().Select(n => n.ToLowerInvariant()));

    private static IEnumerable<string> Keys(JToken node) => ((JObject)node["properties"]!).Properties().Select(p => p.Name);

    /// <summary>The rule text without the given top-level rule key (and its indented block).</summary>
    private static string WithoutKey(string ruleText, string key)
    {
        var lines = ruleText.Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith("    " + key + ":", StringComparison.Ordinal) || l.StartsWith("  - " + key + ":", StringComparison.Ordinal));
        if (start < 0)
        {
            throw new InvalidOperationException($"key {key} not in rule text");
        }

        var end = start + 1;
        while (end < lines.Count && lines[end].StartsWith("      ", StringComparison.Ordinal))
        {
            end++;
        }

        if (lines[start].StartsWith("  - ", StringComparison.Ordinal))
        {
            lines[end] = "  - " + lines[end][4..];
        }

        lines.RemoveRange(start, end - start);
        return string.Join('\n', lines);
    }
}
