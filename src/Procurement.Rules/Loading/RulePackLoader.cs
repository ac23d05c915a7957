using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Linq.Expressions;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Procurement.Model;
using Procurement.Rules.Checking;
using Procurement.Rules.Expressions;
using Procurement.Rules.Files;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Procurement.Rules.Loading;

/// <summary>
/// Reads a pack's <c>pack.yaml</c> and <c>*.rules.yaml</c> files, checks every citation against the source text,
/// and parses, sandboxes and compiles every expression. Collects every problem in every file before failing.
/// </summary>
internal static partial class RulePackLoader
{
    internal static readonly string[] PackKeys = { "id", "title", "version", "description", "inForce", "appliesTo", "versions", "sources", "principles" };
    internal static readonly string[] PeriodKeys = { "from", "until", "decidedBy" };
    internal static readonly string[] VersionKeys = { "version", "from", "title" };
    internal static readonly string[] SourceKeys = { "id", "title", "file" };
    internal static readonly string[] PrincipleKeys = { "key", "title", "summary" };
    internal static readonly string[] RuleFileKeys = { "rules" };
    internal static readonly string[] RuleKeys = { "id", "title", "description", "principle", "scenarios", "severity", "from", "when", "require", "facts", "message", "citations" };
    internal static readonly string[] MessageKeys = { "breach", "compliant" };
    internal static readonly string[] CitationKeys = { "source", "locator", "quote" };

    /// <summary>Loads and compiles a pack.</summary>
    /// <param name="files">Where the pack's files come from.</param>
    /// <param name="liftLambdas">See <see cref="RuleExpressionParser(bool)"/>; false only in tests that compare both ways.</param>
    public static RulePack Load(PackFiles files, bool liftLambdas = true)
    {
        WarmUp.Start();
        var problems = new ProblemList { File = files.Display("pack.yaml") };
        var header = ReadHeader(files, problems);
        var rules = new List<PendingRule>();
        RuleExpressionParser? parser = null;
        if (header is not null)
        {
            parser = new RuleExpressionParser(liftLambdas);
            var seen = new Dictionary<string, (string File, Mark Mark)>(StringComparer.Ordinal);
            var before = problems.Count;
            var ruleFiles = files.RuleFiles(problems);
            if (ruleFiles.Count == 0 && problems.Count == before)
            {
                problems.Add(null, null, null, "the pack has no rule files (*.rules.yaml beside pack.yaml)");
            }

            foreach (var file in ruleFiles)
            {
                problems.File = files.Display(file);
                var read = files.Read(file);
                if (read.Text is null)
                {
                    problems.Add(read.Line, read.Column, null, read.Error ?? "cannot be read");
                    continue;
                }

                ReadRuleFile(file, read.Text, header, parser, seen, problems, rules, files.Limits);
            }
        }

        var inferences = header is null ? Array.Empty<CompiledInference>() : ReadInferences(files, header, parser!, rules.Select(r => r.Definition.Id).ToHashSet(StringComparer.Ordinal), problems);
        var compiled = problems.Count > 0 || header is null ? Array.Empty<CompiledRule>() : CompileAll(rules, parser!, problems);
        if (problems.Count > 0 || header is null)
        {
            throw new RulePackLoadException(problems.All);
        }

        return new RulePack(header, compiled, inferences);
    }

    /// <summary>
    /// Compiles every rule read, on every core: compiling is most of a load once the parser is warm. Runs on the
    /// calling thread too, so it completes even when no pool thread is free. A rule that does not compile (never
    /// expected once its expressions have parsed and passed the sandbox) is a problem listed after the others.
    /// </summary>
    private static CompiledRule[] CompileAll(List<PendingRule> rules, RuleExpressionParser parser, ProblemList problems)
    {
        var compiled = new CompiledRule?[rules.Count];
        var errors = new string?[rules.Count];
        Parallel.For(0, rules.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                compiled[i] = rules[i].Compile(parser);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException)
            {
                errors[i] = e.Message;
            }
        });

        for (var i = 0; i < rules.Count; i++)
        {
            if (errors[i] is { } error)
            {
                problems.File = rules[i].FileDisplay;
                problems.Add(rules[i].Start, rules[i].Definition.Id, "the rule's expressions could not be compiled: " + error);
            }
        }

        return compiled.OfType<CompiledRule>().ToArray();
    }

    /// <summary>
    /// The header of an embedded pack, read without compiling its rules (for choosing a pack by date); null when it has
    /// problems, which the full load then reports, located.
    /// </summary>
    internal static PackHeader? ReadEmbeddedHeader(string id)
    {
        var files = new EmbeddedPackFiles(id);
        var problems = new ProblemList { File = files.Display("pack.yaml") };
        var header = ReadHeader(files, problems, readSources: false);
        return problems.Count > 0 ? null : header;
    }

    /// <param name="files">Where the pack's files come from.</param>
    /// <param name="problems">Where problems go.</param>
    /// <param name="readSources">False to skip reading the source texts (only citations need them; choosing a pack by its period does not).</param>
    private static PackHeader? ReadHeader(PackFiles files, ProblemList problems, bool readSources = true)
    {
        var read = files.Read("pack.yaml");
        if (read.Text is null)
        {
            problems.Add(read.Line, read.Column, null, read.Error == "not found" ? "the pack has no pack.yaml" : "pack.yaml " + read.Error);
            return null;
        }

        var root = ParseYaml(read.Text, problems, files.Limits);
        if (root is null)
        {
            return null;
        }

        var map = YamlMap.From(root, problems, "pack.yaml", PackKeys);
        if (map is null)
        {
            return null;
        }

        var id = map.String("id", required: true);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            // The id is an identifier: reports print it in the selection reason as it is, so a line break or an escape
            // in it could forge a report line. The message does not repeat it for the same reason.
            problems.Add(map.Node("id")!.Start, null, "the pack id must be lower-case words and digits joined by '-' or '.', such as 'psr-2023'");
        }

        var title = map.String("title", required: true);
        var version = map.String("version", required: true);
        var description = map.String("description", required: false) ?? string.Empty;

        DateOnly? from = null, until = null;
        var decidedBy = DecidingDate.Decision;
        if (map.Node("inForce") is { } periodNode && YamlMap.From(periodNode, problems, "inForce", PeriodKeys) is { } period)
        {
            from = period.Date("from");
            until = period.Date("until");
            decidedBy = period.Enum<DecidingDate>("decidedBy", required: false) ?? DecidingDate.Decision;
            if (from is null && period.Node("from") is null)
            {
                problems.Add(period.Start, null, "missing required key 'from' in inForce");
            }

            if (from is not null && until is not null && until < from)
            {
                problems.Add(period.Start, null, "inForce: 'until' is before 'from'");
            }
        }
        else if (map.Node("inForce") is null)
        {
            problems.Add(map.Start, null, "missing required key 'inForce' (the period the pack is in force: from, and until if it has ended)");
        }

        var appliesTo = ReadAppliesTo(map, problems);
        var versions = ReadVersions(map, problems, from, until);

        var sources = new List<SourceDocument>();
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in (readSources ? map.Sequence("sources", required: true)?.Children : null) ?? Enumerable.Empty<YamlNode>())
        {
            if (YamlMap.From(node, problems, "a source", SourceKeys) is not { } source)
            {
                continue;
            }

            var sourceId = source.String("id", required: true);
            var sourceTitle = source.String("title", required: true);
            var file = source.Scalar("file", required: true);
            if (sourceId is null || sourceTitle is null || file is null)
            {
                continue;
            }

            var sourceRead = files.Read(file.Value!);
            if (sourceRead.Text is not { } sourceText)
            {
                var at = sourceRead.Line is { } errorLine ? $" (at line {errorLine}, column {sourceRead.Column})" : string.Empty;
                problems.Add(file.Start, null, $"source '{sourceId}': file '{file.Value}' {sourceRead.Error}{at}");
                unreadable.Add(sourceId);
                continue;
            }

            if (sources.Any(s => s.Id == sourceId))
            {
                problems.Add(node.Start, null, $"duplicate source id '{sourceId}'");
                continue;
            }

            sources.Add(new SourceDocument(sourceId, sourceTitle, file.Value!, sourceText));
        }

        var principles = new List<Principle>();
        foreach (var node in map.Sequence("principles", required: true)?.Children ?? Enumerable.Empty<YamlNode>())
        {
            if (YamlMap.From(node, problems, "a principle", PrincipleKeys) is not { } principle)
            {
                continue;
            }

            var key = principle.String("key", required: true);
            var principleTitle = principle.String("title", required: true);
            var summary = principle.String("summary", required: true);
            if (key is null || principleTitle is null || summary is null)
            {
                continue;
            }

            if (!IdPattern().IsMatch(key))
            {
                problems.Add(node.Start, null, $"principle key '{key}' must be lower-case words joined by '-'");
            }

            if (principles.Any(p => p.Key == key))
            {
                problems.Add(node.Start, null, $"duplicate principle key '{key}'");
                continue;
            }

            principles.Add(new Principle(key, principleTitle, summary));
        }

        if (id is null || title is null || version is null || from is null)
        {
            return null;
        }

        return new PackHeader(id, title, version, description, from.Value, until, sources, principles)
        {
            UnreadableSources = unreadable,
            DecidedBy = decidedBy,
            AppliesTo = appliesTo,
            Versions = versions,
            LaterVersionStarts = versions.Skip(1).Select(v => v.From).ToHashSet(),
        };
    }

    /// <summary>The commissioner kinds the pack covers (<c>appliesTo</c>); empty when the key is absent (any commissioner).</summary>
    private static List<CommissionerKind> ReadAppliesTo(YamlMap map, ProblemList problems)
    {
        var kinds = new List<CommissionerKind>();
        var names = Enum.GetNames<CommissionerKind>().Select(Names.Camel).ToArray();
        foreach (var node in map.Sequence("appliesTo", required: false)?.Children ?? Enumerable.Empty<YamlNode>())
        {
            var text = (node as YamlScalarNode)?.Value;
            var match = names.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                var suggestion = text is null ? null : Names.Suggest(text, names);
                problems.Add(node.Start, null, $"appliesTo: '{text}' is not a commissioner kind (one of {string.Join(", ", names)})"
                    + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
                continue;
            }

            var kind = Enum.Parse<CommissionerKind>(match, ignoreCase: true);
            if (kinds.Contains(kind))
            {
                problems.Add(node.Start, null, $"appliesTo: '{text}' is listed twice");
                continue;
            }

            kinds.Add(kind);
        }

        return kinds;
    }

    /// <summary>
    /// The pack's versions (<c>versions</c>), oldest first: each starts on its <c>from</c> day and lasts until the next
    /// one starts. The first must start when the pack does, and every one within the pack's period.
    /// </summary>
    private static List<PackVersion> ReadVersions(YamlMap map, ProblemList problems, DateOnly? packFrom, DateOnly? packUntil)
    {
        var versions = new List<PackVersion>();
        var names = new HashSet<string>(StringComparer.Ordinal); // a set, not a scan of the list: 200,000 versions stay linear
        foreach (var node in map.Sequence("versions", required: false)?.Children ?? Enumerable.Empty<YamlNode>())
        {
            if (YamlMap.From(node, problems, "a version", VersionKeys) is not { } entry)
            {
                continue;
            }

            var name = entry.String("version", required: true);
            var versionFrom = entry.Date("from");
            var versionTitle = entry.String("title", required: true);
            if (versionFrom is null && entry.Node("from") is null)
            {
                problems.Add(entry.Start, null, "missing required key 'from' in a version");
            }

            if (name is null || versionFrom is null || versionTitle is null)
            {
                continue;
            }

            if (versions.Count > 0 && versionFrom <= versions[^1].From)
            {
                problems.Add(entry.Start, null, $"version '{name}' must start after version '{versions[^1].Name}' ({versions[^1].From:yyyy-MM-dd}): list versions oldest first");
                continue;
            }

            if (!names.Add(name))
            {
                problems.Add(entry.Start, null, $"duplicate version '{name}'");
                continue;
            }

            if (versions.Count == 0 && packFrom is not null && versionFrom != packFrom)
            {
                problems.Add(entry.Start, null, $"the first version must start when the pack does (inForce.from {packFrom:yyyy-MM-dd}), not {versionFrom:yyyy-MM-dd}");
            }

            if (packUntil is not null && versionFrom > packUntil)
            {
                problems.Add(entry.Start, null, $"version '{name}' starts after the pack's period ends ({packUntil:yyyy-MM-dd})");
            }

            versions.Add(new PackVersion(name, versionFrom.Value, versionTitle));
        }

        return versions;
    }

    private static void ReadRuleFile(
        string file,
        string text,
        PackHeader header,
        RuleExpressionParser parser,
        Dictionary<string, (string File, Mark Mark)> seen,
        ProblemList problems,
        List<PendingRule> rules,
        InputLimits limits)
    {
        var root = ParseYaml(text, problems, limits);
        if (root is null || YamlMap.From(root, problems, "a rule file", RuleFileKeys) is not { } map)
        {
            return;
        }

        var list = map.Sequence("rules", required: true);
        if (list is null)
        {
            return;
        }

        if (list.Children.Count == 0)
        {
            problems.Add(list.Start, null, "'rules' is empty");
        }

        foreach (var node in list.Children)
        {
            var rule = ReadRule(file, node, header, parser, seen, problems, text);
            if (rule is not null)
            {
                rules.Add(rule);
            }
        }
    }

    private static PendingRule? ReadRule(
        string file,
        YamlNode node,
        PackHeader header,
        RuleExpressionParser parser,
        Dictionary<string, (string File, Mark Mark)> seen,
        ProblemList problems,
        string source)
    {
        // Find the id first so that every other problem names the rule.
        var ruleId = (node as YamlMappingNode)?.Children.TryGetValue(new YamlScalarNode("id"), out var idNode) == true
            ? (idNode as YamlScalarNode)?.Value
            : null;
        var before = problems.Count;
        var map = YamlMap.From(node, problems, "a rule", RuleKeys, ruleId);
        if (map is null)
        {
            return null;
        }

        var id = map.Scalar("id", required: true);
        if (id is not null)
        {
            if (!IdPattern().IsMatch(id.Value!))
            {
                problems.Add(id.Start, ruleId, "a rule id must be lower-case words and digits joined by '-' or '.', such as 'fair-tender.nhs-only-needs-reason'");
            }

            if (seen.TryGetValue(id.Value!, out var first))
            {
                problems.Add(id.Start, ruleId, $"duplicate rule id (first defined at {first.File}:{first.Mark.Line}:{first.Mark.Column})");
            }
            else
            {
                seen.Add(id.Value!, (problems.File, id.Start));
            }
        }

        var title = map.String("title", required: true);
        var description = map.String("description", required: false) ?? string.Empty;
        var severity = map.Enum<Severity>("severity", required: true);

        Principle? principle = null;
        if (map.Scalar("principle", required: true) is { } principleNode)
        {
            principle = header.Principles.FirstOrDefault(p => p.Key == principleNode.Value);
            if (principle is null)
            {
                var suggestion = Names.Suggest(principleNode.Value!, header.Principles.Select(p => p.Key));
                problems.Add(principleNode.Start, ruleId, $"unknown principle key '{principleNode.Value}'"
                    + (suggestion is null ? $" (the pack's keys: {string.Join(", ", header.Principles.Select(p => p.Key))})" : $"; did you mean '{suggestion}'?"));
            }
        }

        var scenarios = ReadScenarios(map, problems, ruleId);
        var citations = ReadCitations(map, header, problems, ruleId);

        // Facts, then conditions, then messages: each may use the facts declared before it.
        var factNames = new List<string>();
        var factBodies = new Dictionary<string, Expression>(StringComparer.Ordinal);
        if (map.Node("facts") is { } factsNode)
        {
            if (factsNode is not YamlMappingNode factsMap)
            {
                problems.Add(factsNode.Start, ruleId, "'facts' must be a mapping of fact names to expressions");
            }
            else
            {
                foreach (var (keyNode, valueNode) in factsMap.Children)
                {
                    var name = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                    if (!FactNamePattern().IsMatch(name))
                    {
                        problems.Add(keyNode.Start, ruleId, $"fact name '{name}' must start with a lower-case letter and hold only letters and digits");
                        continue;
                    }

                    if (ReservedWords.Contains(name))
                    {
                        problems.Add(keyNode.Start, ruleId, $"fact name '{name}' is a word of the expression language; choose another name");
                        continue;
                    }

                    factNames.Add(name);
                    if (valueNode is not YamlScalarNode expression || string.IsNullOrWhiteSpace(expression.Value))
                    {
                        problems.Add(valueNode.Start, ruleId, $"fact '{name}' must be an expression");
                        continue;
                    }

                    if (Parse(parser, expression, null, factBodies, problems, ruleId, $"fact '{name}'", source, name) is { } body)
                    {
                        factBodies[name] = body;
                    }
                }
            }
        }

        var whenNode = map.Scalar("when", required: false);
        var whenBody = whenNode is null ? null : Parse(parser, whenNode, typeof(bool), factBodies, problems, ruleId, "'when'", source);

        // A rule an amendment added ('from: 2025-02-24') applies only to processes commenced from that version on: the
        // gate is one more condition, so an unrecorded commencement leaves the rule undetermined, never applied silently.
        var appliesFrom = map.Date("from");
        Expression? gate = null;
        if (appliesFrom is { } gateDay)
        {
            if (!header.LaterVersionStarts.Contains(gateDay))
            {
                // At most a few days named: a pack of 100,000 versions would otherwise repeat them all in every rule's problem.
                const int named = 10;
                var later = header.Versions.Skip(1).Take(named + 1).Select(v => v.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                var list = later.Length > named ? string.Join(", ", later.Take(named)) + ", ..." : string.Join(", ", later);
                problems.Add(map.Node("from")!.Start, ruleId, later.Length == 0
                    ? "'from' names the version of the pack a rule starts in, but the pack lists no later versions (pack.yaml 'versions')"
                    : $"'from' must be the first day of one of the pack's later versions ({list})");
            }
            else if (header.DecidedBy == DecidingDate.Decision)
            {
                // The gate reads commencement while the version line reads the decision date: they could disagree.
                problems.Add(map.Node("from")!.Start, ruleId, "'from' gates a rule by when the process commenced, but this pack's period and versions are decided by the decision date (inForce.decidedBy: decision)");
            }
            else
            {
                var gateText = $"CommencedOnOrAfter(\"{gateDay:yyyy-MM-dd}\")";
                gate = parser.Parse(gateText, typeof(bool), factBodies).Body;
            }
        }

        if (gate is not null && (whenNode is null || whenBody is not null))
        {
            whenBody = whenBody is null ? gate : Expression.AndAlso(gate, whenBody);
        }
        var requireNode = map.Scalar("require", required: true);
        var requireBody = requireNode is null ? null : Parse(parser, requireNode, typeof(bool), factBodies, problems, ruleId, "'require'", source);

        MessageTemplate? breach = null, compliant = null;
        if (map.Node("message") is { } messageNode && YamlMap.From(messageNode, problems, "'message'", MessageKeys, ruleId) is { } messages)
        {
            breach = Template(messages.Scalar("breach", required: true), factNames, problems, ruleId);
            compliant = Template(messages.Scalar("compliant", required: false), factNames, problems, ruleId);
        }
        else if (map.Node("message") is null)
        {
            problems.Add(map.Start, ruleId, "missing required key 'message' (with at least 'breach')");
        }

        if (problems.Count > before || id is null || title is null || severity is null || principle is null
            || requireBody is null || breach is null || (whenNode is not null && whenBody is null)
            || factBodies.Count != factNames.Count)
        {
            return null;
        }

        var definition = new RuleDefinition(
            id.Value!, title, description, principle, scenarios, severity.Value, whenNode?.Value, requireNode!.Value!,
            factNames, citations, file, (int)node.Start.Line)
        {
            AppliesFrom = appliesFrom,
        };
        return new PendingRule(
            definition,
            problems.File,
            node.Start,
            whenBody,
            requireBody,
            factNames.Select(n => factBodies[n]).ToArray(),
            breach,
            compliant ?? MessageTemplate.Parse("The rule is met.", factNames, new List<string>()));
    }

    private static Expression? Parse(
        RuleExpressionParser parser,
        YamlScalarNode node,
        Type? resultType,
        IReadOnlyDictionary<string, Expression> facts,
        ProblemList problems,
        string? ruleId,
        string what,
        string source,
        string? factName = null)
    {
        var result = parser.Parse(node.Value!, resultType, facts);
        if (result.Body is not null)
        {
            if (GateDates.FindBad(result.Body) is { } bad)
            {
                // Would throw at every check, making the rule failed for every procurement: a load problem instead.
                problems.Add(node.Start, ruleId, $"{what}: CommencedOnOrAfter takes a date written as a text literal, yyyy-MM-dd, such as \"2025-02-24\"; not {bad}");
                return null;
            }

            return result.Body;
        }

        var (line, column) = Locate(node, result.Position, source);
        var error = result.Error;
        if (factName is not null && NamesItself(node.Value!, factName))
        {
            // The parser's own words for this ("Value cannot be empty. (Parameter 'name')") say nothing useful.
            error = $"the fact uses itself ('{factName}'); a fact may use only the facts declared before it";
        }

        problems.Add(line, column, ruleId, $"{what}: {error} (in: {Shorten(node.Value!.Trim())})");
        return null;
    }

    /// <summary>Finds a call of <c>CommencedOnOrAfter</c> whose argument is not a literal <c>yyyy-MM-dd</c> date.</summary>
    private sealed class GateDates : ExpressionVisitor
    {
        private string? _bad;

        public static string? FindBad(Expression body)
        {
            var finder = new GateDates();
            finder.Visit(body);
            return finder._bad;
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (_bad is null && node.Method.DeclaringType == typeof(Expressions.RuleScope) && node.Method.Name == nameof(Expressions.RuleScope.CommencedOnOrAfter))
            {
                _bad = node.Arguments[0] is ConstantExpression { Value: string text }
                    ? DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _) ? null : $"'{text}'"
                    : "a computed value";
            }

            return _bad is null ? base.VisitMethodCall(node) : node;
        }
    }

    /// <summary>Whether an expression names a fact as a word of its own, outside string literals.</summary>
    private static bool NamesItself(string expression, string name)
    {
        var code = StringLiteral().Replace(expression, "\"\"");
        return Regex.IsMatch(code, @"(?<![\w.])" + Regex.Escape(name) + @"(?!\w)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// The file position of a character of a scalar: exact for single-line plain and quoted scalars and for literal
    /// blocks; for folded blocks (<c>&gt;</c>, <c>&gt;-</c>) and multi-line plain scalars, the line and column in the
    /// file found by walking the folded lines of the source text.
    /// </summary>
    private static (int Line, int Column) Locate(YamlScalarNode node, int position, string source)
    {
        var line = (int)node.Start.Line;
        var column = (int)node.Start.Column;
        if (node.Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted && node.Start.Line == node.End.Line)
        {
            var offset = node.Style == ScalarStyle.Plain ? 0 : 1;
            return (line, column + offset + Math.Clamp(position, 0, node.Value!.Length));
        }

        if (node.Style is ScalarStyle.Literal)
        {
            // Literal block: content starts on the next line; count the lines before the position.
            var text = node.Value!;
            var clamped = Math.Clamp(position, 0, text.Length);
            var lineInBlock = text.AsSpan(0, clamped).Count('\n');
            return (line + 1 + lineInBlock, column);
        }

        if (node.Style is ScalarStyle.Folded or ScalarStyle.Plain)
        {
            return LocateFolded(node, position, source) ?? (line, column);
        }

        return (line, column);
    }

    /// <summary>
    /// Walks the source lines of a folded block or a multi-line plain scalar: each non-blank line's text (without its
    /// indentation) is followed in the value by one space (a fold) or, for a blank line, by a line break.
    /// </summary>
    private static (int Line, int Column)? LocateFolded(YamlScalarNode node, int position, string source)
    {
        var lines = source.Split('\n');
        var folded = node.Style == ScalarStyle.Folded;
        var first = folded ? (int)node.Start.Line : (int)node.Start.Line - 1; // 0-based index of the first content line
        var last = Math.Min((int)node.End.Line - 1, lines.Length - 1);
        var consumed = 0;
        (int, int)? found = null;
        for (var i = first; i <= last && i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            var start = i == first && !folded ? (int)node.Start.Column - 1 : raw.Length - raw.TrimStart(' ', '\t').Length;
            if (start >= raw.Length || raw.AsSpan(start).IsWhiteSpace())
            {
                consumed += 1;
                continue;
            }

            var content = raw[start..].TrimEnd();
            if (position < consumed + content.Length + 1)
            {
                return (i + 1, start + 1 + Math.Clamp(position - consumed, 0, content.Length));
            }

            consumed += content.Length + 1;
            found = (i + 1, start + 1 + content.Length);
        }

        return found;
    }

    private static MessageTemplate? Template(YamlScalarNode? node, IReadOnlyList<string> factNames, ProblemList problems, string? ruleId)
    {
        if (node is null)
        {
            return null;
        }

        var errors = new List<string>();
        var template = MessageTemplate.Parse(node.Value!, factNames, errors);
        foreach (var error in errors)
        {
            problems.Add(node.Start, ruleId, error);
        }

        return errors.Count == 0 ? template : null;
    }

    private static Scenario[] ReadScenarios(YamlMap map, ProblemList problems, string? ruleId)
    {
        var list = map.Sequence("scenarios", required: false);
        if (list is null)
        {
            return Array.Empty<Scenario>();
        }

        var scenarios = new List<Scenario>();
        foreach (var item in list.Children)
        {
            var value = (item as YamlScalarNode)?.Value;
            if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && Enum.IsDefined((Scenario)number))
            {
                scenarios.Add((Scenario)number);
            }
            else
            {
                problems.Add(item.Start, ruleId, $"'scenarios': '{value}' is not a scenario number (1 to 6)");
            }
        }

        if (scenarios.Count == 0 && list.Children.Count == 0)
        {
            problems.Add(list.Start, ruleId, "'scenarios' is empty; leave it out for a rule that applies to every scenario");
        }

        return scenarios.Distinct().Order().ToArray();
    }

    private static IReadOnlyList<Citation> ReadCitations(YamlMap map, PackHeader header, ProblemList problems, string? ruleId)
    {
        var list = map.Sequence("citations", required: true);
        if (list is null)
        {
            return Array.Empty<Citation>();
        }

        if (list.Children.Count == 0)
        {
            problems.Add(list.Start, ruleId, "a rule needs at least one citation");
        }

        var citations = new List<Citation>();
        foreach (var node in list.Children)
        {
            if (YamlMap.From(node, problems, "a citation", CitationKeys, ruleId) is not { } citation)
            {
                continue;
            }

            var source = citation.Scalar("source", required: true);
            var locator = citation.String("locator", required: true);
            var quote = citation.Scalar("quote", required: true);
            if (source is null || locator is null || quote is null)
            {
                continue;
            }

            var document = header.Sources.FirstOrDefault(s => s.Id == source.Value);
            if (document is null && header.UnreadableSources.Contains(source.Value!))
            {
                // Already reported where the source is declared: one problem, not one per citation.
                continue;
            }

            if (document is null)
            {
                problems.Add(source.Start, ruleId, $"unknown source '{source.Value}' (the pack's sources: {string.Join(", ", header.Sources.Select(s => s.Id))})");
                continue;
            }

            if (!header.NormalisedText(document).Contains(Verbatim.Normalise(quote.Value!), StringComparison.Ordinal) || quote.Value!.Trim().Length == 0)
            {
                problems.Add(quote.Start, ruleId, $"the quote is not verbatim in source '{document.Id}' ({document.Path}): \"{Shorten(quote.Value!)}\"");
                continue;
            }

            citations.Add(new Citation(document.Id, locator, Verbatim.Normalise(quote.Value!)));
        }

        return citations;
    }

    /// <summary>
    /// Parses a pack file through <see cref="LimitedParser"/>, so every limit is checked before YamlDotNet builds a node,
    /// and every exception YamlDotNet throws on bad input becomes a located problem.
    /// </summary>
    private static YamlNode? ParseYaml(string text, ProblemList problems, InputLimits limits)
    {
        var stream = new YamlStream();
        var parser = LimitedParser.For(text, limits);
        try
        {
            stream.Load(parser);
        }
        catch (Exception e) when (LimitedParser.IsParseFailure(e))
        {
            var problem = parser.Problem(e, problems.File);
            problems.Add(problem.Line, problem.Column, null, problem.Message);
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            problems.Add(1, 1, null, $"expected one YAML document, found {stream.Documents.Count}");
            return null;
        }

        return stream.Documents[0].RootNode;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [GeneratedRegex("^[a-z0-9]+([.-][a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex FactNamePattern();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'", RegexOptions.CultureInvariant)]
    private static partial Regex StringLiteral();

    /// <summary>Words of the expression language (System.Linq.Dynamic.Core) that a fact name would shadow or confuse.</summary>
    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal)
    {
        "it", "parent", "root", "new", "iif", "np", "true", "false", "null", "and", "or", "not", "in", "is", "as",
    };
}

/// <summary>
/// The first load in a process spends most of its time in the JIT compiling the expression parser and compiler. While
/// the loading thread reads the pack's YAML, another core parses and compiles one expression that uses what rules use,
/// so that code is compiled by the time the loader needs it. Once per process; never waited for; a failure is ignored
/// (the load itself reports every problem).
/// </summary>
internal static class WarmUp
{
    private const string Expression =
        "Happened(TenderDecision) && Tender.Eligibility == NhsOnly && First(NoticePublished) != null && Count(BidReceived) > 0"
        + " && IncumbentContracts.All(c => c.Performance.SignificantUnderperformance == true) && IncumbentNames.Length > 0";

    private static int _started;

    public static void Start()
    {
        if (Environment.ProcessorCount < 2 || Interlocked.Exchange(ref _started, 1) != 0)
        {
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(
            static _ =>
            {
                try
                {
                    var parser = new RuleExpressionParser();
                    var facts = new Dictionary<string, Expression>(StringComparer.Ordinal);
                    if (parser.Parse(Expression, typeof(bool), facts).Body is { } body)
                    {
                        parser.Compile<bool>(body);
                        parser.Compile<object?>(body);
                    }
                }
#pragma warning disable CA1031 // A warm-up on a pool thread must never take the process down; the load reports on its own.
                catch (Exception)
#pragma warning restore CA1031
                {
                    // Only a warm-up: the load parses, compiles and reports every problem itself.
                }
            },
            null);
    }
}

/// <summary>A rule read and parsed, waiting to be compiled.</summary>
internal sealed record PendingRule(
    RuleDefinition Definition,
    string FileDisplay,
    Mark Start,
    Expression? When,
    Expression Require,
    Expression[] Facts,
    MessageTemplate BreachMessage,
    MessageTemplate CompliantMessage)
{
    /// <summary>Compiles the rule's expressions; thread-safe (the parser's compile step shares no state).</summary>
    public CompiledRule Compile(RuleExpressionParser parser) => new(
        Definition,
        When is null ? null : parser.Compile<bool>(When),
        parser.Compile<bool>(Require),
        Facts.Select(parser.Compile<object?>).ToArray(),
        BreachMessage,
        CompliantMessage)
    {
        EventKinds = EventKindsRead.Of(Facts.Prepend(Require).Prepend(When).ToArray()),
    };
}

/// <summary>What <c>pack.yaml</c> says.</summary>
internal sealed record PackHeader(
    string Id,
    string Title,
    string Version,
    string Description,
    DateOnly InForceFrom,
    DateOnly? InForceUntil,
    IReadOnlyList<SourceDocument> Sources,
    IReadOnlyList<Principle> Principles)
{
    private readonly Dictionary<string, string> _normalised = new(StringComparer.Ordinal);

    /// <summary>The ids of sources declared but not readable (already reported), whose citations are not checked.</summary>
    public IReadOnlySet<string> UnreadableSources { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Which date decides the period (<c>inForce.decidedBy</c>). Default: the decision date.</summary>
    public DecidingDate DecidedBy { get; init; }

    /// <summary>The commissioner kinds the pack covers (<c>appliesTo</c>); empty: any.</summary>
    public IReadOnlyList<CommissionerKind> AppliesTo { get; init; } = Array.Empty<CommissionerKind>();

    /// <summary>The pack's versions, oldest first (<c>versions</c>); empty when it has one text.</summary>
    public IReadOnlyList<PackVersion> Versions { get; init; } = Array.Empty<PackVersion>();

    /// <summary>The first days of the versions after the first: the days a rule's <c>from</c> may name. Built once, so each rule's check is a look-up.</summary>
    public IReadOnlySet<DateOnly> LaterVersionStarts { get; init; } = new HashSet<DateOnly>();

    /// <summary>The source's text with white space folded, computed once per load.</summary>
    public string NormalisedText(SourceDocument source)
    {
        if (!_normalised.TryGetValue(source.Id, out var text))
        {
            text = Verbatim.Normalise(source.Text);
            _normalised[source.Id] = text;
        }

        return text;
    }
}

/// <summary>The verbatim test for quotes: the same characters, with runs of white space counted as one space.</summary>
internal static class Verbatim
{
    public static string Normalise(string text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
