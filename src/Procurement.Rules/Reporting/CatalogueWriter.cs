using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Procurement.Model;

namespace Procurement.Rules.Reporting;

/// <summary>
/// Writes a rule pack as a catalogue for readers: the scenarios each rule covers, then every principle with its rules,
/// what each checks and the words it quotes. The output depends only on the pack, so a committed copy can be compared
/// with a fresh one.
/// </summary>
internal static class CatalogueWriter
{
    private const string ProcessLocator = "process to be followed";
    private const string OversightLocator = "oversight and assurance mechanisms";

    public static string Write(RulePack pack)
    {
        var md = new StringBuilder();
        md.Append("# Rule catalogue: `").Append(pack.Id).Append("` ").AppendLine(pack.Version).AppendLine();
        md.AppendLine("<!-- Generated from the rule pack by `procurement-check --list-rules --format markdown`; do not edit by hand.")
            .AppendLine("     A test fails when this file and the pack disagree. -->").AppendLine();
        md.AppendLine(MarkdownReport.Escape(pack.Title)).AppendLine();
        md.AppendLine(MarkdownReport.Escape(pack.Description)).AppendLine();
        md.Append("In force from ").Append(Date(pack.InForceFrom))
            .Append(pack.InForceUntil is { } until ? " until " + Date(until) : " (no end date)")
            .Append(". ").Append(pack.Rules.Count.ToString(CultureInfo.InvariantCulture)).Append(pack.Rules.Count == 1 ? " rule for " : " rules for ")
            .Append(pack.Principles.Count.ToString(CultureInfo.InvariantCulture)).AppendLine(pack.Principles.Count == 1 ? " principle." : " principles.").AppendLine();
        WriteScope(pack, md);
        foreach (var source in pack.Sources)
        {
            md.Append("Source `").Append(source.Id).Append("`: ").AppendLine(MarkdownReport.Escape(source.Title)).AppendLine();
        }

        // Only a pack whose rules name scenarios (the 2009 letter's six) has a scenario table; the regulations have none.
        if (pack.Rules.Any(r => r.Scenarios.Count > 0))
        {
            WriteScenarioTable(pack, md);
        }

        md.AppendLine("## Principles and rules");
        foreach (var principle in pack.Principles)
        {
            md.AppendLine().Append("### ").Append(MarkdownReport.Escape(principle.Title)).Append(" (`").Append(principle.Key).AppendLine("`)").AppendLine();
            md.AppendLine(MarkdownReport.Escape(principle.Summary));
            var rules = pack.Rules.Where(r => r.Principle.Key == principle.Key).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            if (rules.Count == 0)
            {
                md.AppendLine().AppendLine("No rule checks this principle yet.");
            }

            foreach (var rule in rules)
            {
                WriteRule(pack, rule, md);
            }
        }

        WriteInferences(pack, md);
        return md.ToString();
    }

    /// <summary>
    /// Which date decides whether the pack applies, the commissioners it covers and the versions of its law: what
    /// <see cref="RulePack.Select(ProposedProcurement)"/> reads (docs/choosing-a-pack.md).
    /// </summary>
    private static void WriteScope(RulePack pack, StringBuilder md)
    {
        md.AppendLine(pack.DecidedBy == DecidingDate.Decision
            ? "Decided by the decision date (`decisionDate`): a procurement decided within the period is checked against this pack."
            : "Decided by the date the process commenced (the first `processCommenced` event; for a contract modification, the first "
                + "`contractModified` event): a procurement commenced within the period is checked against this pack.").AppendLine();
        md.Append("Commissioners covered: ").Append(pack.AppliesTo.Count == 0
            ? "any kind"
            : string.Join(", ", pack.AppliesTo.Select(k => "`" + Names.Camel(k) + "`"))).AppendLine(".").AppendLine();
        if (pack.Versions.Count == 0)
        {
            return;
        }

        md.AppendLine("Versions (a process is checked against the version in force on the day it commenced; a rule an amendment "
            + "added names the version's first day in `from` and does not apply to a process commenced earlier):").AppendLine();
        foreach (var version in pack.Versions)
        {
            md.Append("- `").Append(version.Name).Append("`, from ").Append(Date(version.From)).Append(": ")
                .AppendLine(MarkdownReport.Escape(version.Title));
        }

        md.AppendLine();
    }

    /// <summary>The pack's inferences: what a record implies, as the rules read it (docs/writing-rules.md, "Derived facts").</summary>
    private static void WriteInferences(RulePack pack, StringBuilder md)
    {
        if (pack.Inferences.Count == 0)
        {
            return;
        }

        md.AppendLine().AppendLine("## Derived facts").AppendLine();
        md.AppendLine("What a record implies: each inference derives an event the record does not state from one it does. A recorded")
            .AppendLine("event of the derived kind always wins; the rules read derived events as if recorded, and reports show them.");
        foreach (var inference in pack.Inferences)
        {
            md.AppendLine().Append("#### `").Append(inference.Id).Append("`: ").AppendLine(MarkdownReport.Escape(inference.Title)).AppendLine();
            md.AppendLine(MarkdownReport.Escape(inference.Reason)).AppendLine();
            md.Append("- From: `").Append(Names.Camel(inference.From)).AppendLine("`");
            if (inference.WhenText is { } when)
            {
                md.Append("- When: `").Append(OneLine(when)).AppendLine("`");
            }

            md.Append("- Derives: `").Append(Names.Camel(inference.Derive)).Append("`, ")
                .AppendLine(inference.Date == Checking.InferredDate.On ? "on the source's date" : "on or before the source's date");
            foreach (var citation in inference.Citations)
            {
                md.AppendLine().Append("> ").AppendLine(MarkdownReport.Escape(citation.Quote)).AppendLine(">")
                    .Append("> ").Append(citation.SourceId).Append(", ").AppendLine(MarkdownReport.Escape(citation.Locator));
            }
        }
    }

    private static void WriteScenarioTable(RulePack pack, StringBuilder md)
    {
        md.AppendLine("## Scenarios").AppendLine();
        md.AppendLine("The rules that apply to each scenario of the letter's attachment and quote its \"process to be followed\" or its")
            .AppendLine("\"oversight & assurance mechanisms\" column. Rules for the core principles apply in every scenario and are listed")
            .AppendLine("below.").AppendLine();
        md.AppendLine("| scenario | process to be followed | oversight and assurance |");
        md.AppendLine("|---|---|---|");
        foreach (var scenario in Enum.GetValues<Scenario>())
        {
            var number = ((int)scenario).ToString(CultureInfo.InvariantCulture);
            md.Append("| ").Append(number).Append(" `").Append(Names.Camel(scenario)).Append("` | ")
                .Append(RuleList(pack, scenario, ProcessLocator)).Append(" | ")
                .Append(RuleList(pack, scenario, OversightLocator)).AppendLine(" |");
        }

        md.AppendLine();
    }

    private static string RuleList(RulePack pack, Scenario scenario, string column)
    {
        var locator = "Scenario " + ((int)scenario).ToString(CultureInfo.InvariantCulture) + ", " + column;
        var ids = pack.Rules
            .Where(r => r.Scenarios.Count == 0 || r.Scenarios.Contains(scenario))
            .Where(r => r.Citations.Any(c => string.Equals(c.Locator, locator, StringComparison.Ordinal)))
            .Select(r => "`" + r.Id + "`")
            .Order(StringComparer.Ordinal)
            .ToList();
        return ids.Count == 0 ? "none" : string.Join("<br>", ids);
    }

    private static void WriteRule(RulePack pack, RuleDefinition rule, StringBuilder md)
    {
        md.AppendLine().Append("#### `").Append(rule.Id).Append("`: ").AppendLine(MarkdownReport.Escape(rule.Title)).AppendLine();
        md.AppendLine(MarkdownReport.Escape(rule.Description)).AppendLine();
        md.Append("- Severity: ").AppendLine(Names.Camel(rule.Severity));
        md.Append("- Scenarios: ").AppendLine(rule.Scenarios.Count == 0
            ? "all"
            : string.Join(", ", rule.Scenarios.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture))));
        if (rule.AppliesFrom is { } from)
        {
            var version = pack.Versions.FirstOrDefault(v => v.From == from)?.Name ?? Date(from);
            md.Append("- From: ").Append(Date(from)).Append(" (version `").Append(version)
                .AppendLine("`; not applicable to a process commenced earlier, undetermined when the record does not say when it commenced)");
        }

        if (rule.When is { } when)
        {
            md.Append("- Applies when: `").Append(OneLine(when)).AppendLine("`");
        }

        md.Append("- Requires: `").Append(OneLine(rule.Require)).AppendLine("`");
        if (rule.FactNames.Count > 0)
        {
            md.Append("- Facts reported: ").AppendLine(string.Join(", ", rule.FactNames.Select(f => "`" + f + "`")));
        }

        foreach (var citation in rule.Citations)
        {
            md.AppendLine().Append("> ").AppendLine(MarkdownReport.Escape(citation.Quote)).AppendLine(">")
                .Append("> ").Append(citation.SourceId).Append(", ").AppendLine(MarkdownReport.Escape(citation.Locator));
        }
    }

    private static string OneLine(string expression) =>
        string.Join(' ', expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
