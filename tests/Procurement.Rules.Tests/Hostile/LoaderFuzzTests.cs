using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Procurement.Rules.Loading;

namespace Procurement.Rules.Tests.Hostile;

/// <summary>
/// A bounded, seeded mutation fuzzer over the repository's own inputs: every fixture and sample case (as YAML, and as
/// the JSON <see cref="ProcurementFile.ToJson"/> writes), and the default pack's files. Each mutated input must load
/// or fail with the loader's documented exception, within a time guard, and give the same result when loaded again.
/// CI runs a few thousand inputs; set <c>PROCUREMENT_FUZZ_INPUTS</c> for more and <c>PROCUREMENT_FUZZ_SEED</c> for
/// another seed. A failure names the seed and the input's number, so it can be replayed.
/// </summary>
[TestFixture]
public class LoaderFuzzTests
{
    private const int DefaultCaseInputs = 3000;
    private const int DefaultPackInputs = 300;
    private static readonly TimeSpan PerInputGuard = TimeSpan.FromSeconds(10);

    private static readonly string[] Tokens =
    [
        "[", "]", "{", "}", ",", ":", "- ", "? ", "&a ", "*a", "&b [*a, *a, *a]", "&a [*a]", "!!binary ", "!!python/object:x ",
        "!<> ", "!x ", "\t", "\0", "\u0007", "\u001b[31m", "---\n", "...\n", "\"", "'", ">-\n  ", "|\n  ", "\uFEFF", "\\u0000",
        "null", "~", "-1", "1e400", "0x10", "010", "NaN", "true", "2009-02-30", "9999999999999999999999", "\r\n", "#", "%YAML 1.2\n",
        "\n  ", "\n- ", "@", "`", "\u2028", "\ud800", new string('[', 200), new string('a', 5000),
    ];

    private static readonly string[] JsonTokens =
    [
        "{", "}", "[", "]", ",", ":", "\"", "'", "//", "/*", "*/", "NaN", "undefined", "new Date(1)", "0x1F", "00", "-", "1e999",
        "\\ud800", "\\u0000", "\u0000", "true", "null", ",]", ",}", "\uFEFF", new string('[', 200),
    ];

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("PROCUREMENT_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : 20091001;

    private static int Inputs(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("PROCUREMENT_FUZZ_INPUTS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    [Test]
    public void Fuzz_MutatedCaseFiles_LoadOrFailWithProcurementLoadException()
    {
        var seeds = CaseSeeds();
        var random = new Random(Seed);
        var count = Inputs(DefaultCaseInputs);
        var loaded = 0;
        for (var i = 0; i < count; i++)
        {
            var (name, text) = seeds[random.Next(seeds.Count)];
            var json = name.EndsWith(".json", StringComparison.Ordinal);
            var mutated = Mutate(text, random, json ? JsonTokens : Tokens);
            var bytes = random.Next(8) == 0 ? MutateBytes(Encoding.UTF8.GetBytes(mutated), random) : Encoding.UTF8.GetBytes(mutated);
            var fileName = json ? "fuzz.json" : "fuzz.yaml";

            string Once()
            {
                using var stream = new MemoryStream(bytes);
                try
                {
                    return "ok " + ProcurementFile.ToJson(ProcurementFile.Load(stream, fileName));
                }
                catch (ProcurementLoadException e)
                {
                    e.Problems.Should().NotBeEmpty();
                    e.Problems.Should().OnlyContain(p => p.File == fileName && !string.IsNullOrWhiteSpace(p.Message));
                    return "problems " + e.Message;
                }
            }

            var first = Guarded(Once, i);
            Guarded(Once, i).Should().Be(first, "input {0} (seed {1}) must give the same result twice", i, Seed);
            if (first.StartsWith("ok ", StringComparison.Ordinal))
            {
                loaded++;
            }
        }

        // The mutations must not all be fatal, or the fuzzer would never reach the binder and the validator.
        loaded.Should().BeGreaterThan(count / 50, "some mutated inputs should still load");
    }

    [Test]
    public void Fuzz_MutatedPackFiles_LoadOrFailWithRulePackLoadException()
    {
        var pack = Directory.EnumerateFiles(RepoPaths.DefaultPack, "*.yaml").ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        var letter = File.ReadAllText(RepoPaths.Letter);
        var names = pack.Keys.Order(StringComparer.Ordinal).ToArray();
        var random = new Random(Seed);
        var count = Inputs(DefaultPackInputs);
        for (var i = 0; i < count; i++)
        {
            // One mutated file, with pack.yaml and one rule file, so that a mutation that still parses compiles few rules.
            var target = names[random.Next(names.Length)];
            var ruleFile = target == "pack.yaml" ? "best-value.rules.yaml" : target;
            var files = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["pack.yaml"] = pack["pack.yaml"],
                [ruleFile] = pack[ruleFile],
                ["../sources/burnham-2009-letter.md"] = letter,
            };
            files[target] = Mutate(files[target], random, Tokens);

            string Once()
            {
                try
                {
                    var loaded = RulePackLoader.Load(new MemoryPackFiles(files));
                    return "ok " + string.Join(",", loaded.Rules.Select(r => r.Id));
                }
                catch (RulePackLoadException e)
                {
                    e.Problems.Should().NotBeEmpty();
                    return "problems " + e.Message;
                }
            }

            var first = Guarded(Once, i);
            Guarded(Once, i).Should().Be(first, "input {0} (seed {1}) must give the same result twice", i, Seed);
        }
    }

    private static List<(string Name, string Text)> CaseSeeds()
    {
        var files = Directory.EnumerateFiles(RepoPaths.Fixtures, "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Samples, "cases"), "*.yaml"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var seeds = new List<(string, string)>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            seeds.Add((file, text));
            seeds.Add((Path.ChangeExtension(file, ".json"), ProcurementFile.ToJson(ProcurementFile.Load(file))));
        }

        return seeds;
    }

    private static string Mutate(string text, Random random, string[] tokens)
    {
        var result = new StringBuilder(text);
        var edits = 1 + random.Next(3);
        for (var e = 0; e < edits && result.Length > 0; e++)
        {
            var at = random.Next(result.Length);
            switch (random.Next(8))
            {
                case 0:
                    result.Insert(at, tokens[random.Next(tokens.Length)]);
                    break;
                case 1:
                    result.Remove(at, Math.Min(result.Length - at, 1 + random.Next(20)));
                    break;
                case 2:
                    var length = Math.Min(result.Length - at, 1 + random.Next(60));
                    var copy = result.ToString(at, length);
                    result.Insert(random.Next(result.Length), copy);
                    break;
                case 3:
                    result.Length = at;
                    break;
                case 4:
                    result[at] = (char)random.Next(32, 127);
                    break;
                case 5:
                    // Repeat a line many times: long lists and duplicate keys.
                    var lines = result.ToString().Split('\n');
                    var line = lines[random.Next(lines.Length)];
                    result.Insert(at, string.Concat(Enumerable.Repeat(line + "\n", 1 + random.Next(200))));
                    break;
                case 6:
                    // Swap the value of a key for a token: wrong types, nulls, tags, aliases.
                    var colon = result.ToString().IndexOf(": ", at, StringComparison.Ordinal);
                    if (colon >= 0)
                    {
                        result.Insert(colon + 2, tokens[random.Next(tokens.Length)]);
                    }

                    break;
                default:
                    // An anchor on one value and aliases to it elsewhere.
                    var first = result.ToString().IndexOf(": ", at, StringComparison.Ordinal);
                    if (first >= 0)
                    {
                        result.Insert(first + 2, "&z ");
                        result.Insert(Math.Min(result.Length, first + 2 + random.Next(200)), " *z");
                    }

                    break;
            }
        }

        return result.ToString();
    }

    private static byte[] MutateBytes(byte[] bytes, Random random)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var copy = (byte[])bytes.Clone();
        copy[random.Next(copy.Length)] = (byte)random.Next(0x80, 0x100);
        return copy;
    }

    private static string Guarded(Func<string> load, int input)
    {
        var task = Task.Run(load);
        if (!task.Wait(PerInputGuard))
        {
            Assert.Fail($"input {input} (seed {Seed}) took more than {PerInputGuard.TotalSeconds} s");
        }

        return task.Result;
    }

    /// <summary>A pack held in memory, so thousands of mutated packs need no files.</summary>
    private sealed class MemoryPackFiles(Dictionary<string, string> files) : PackFiles
    {
        public override IReadOnlyList<string> RuleFiles(ProblemList problems) =>
            files.Keys.Where(k => k.EndsWith(".rules.yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        public override PackText Read(string relativePath) =>
            files.TryGetValue(relativePath, out var text) ? new PackText(text) : new PackText(null, "not found");

        public override string Display(string relativePath) => relativePath;
    }
}
