using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;

namespace Procurement.Rules.Reporting;

/// <summary>
/// Writes one self-contained HTML page for a batch of checked cases: a heat map of principle verdicts (a row per case,
/// a column per principle, counts in the margins), a bar chart of breaches by principle, and a section per case with
/// its breaches, the facts they rest on and the policy's words they cite. Every heat-map cell links to its case's
/// section. Cases checked against different rule packs (each chosen for its case by
/// <see cref="RulePack.Select(Procurement.Model.ProposedProcurement)"/>, say) share one page: after the overall totals, each pack
/// gets a heading with its id, version, title and period, and a heat map and chart of its own principles.
/// </summary>
/// <remarks>
/// <para>
/// The page needs nothing else to be read: no script, no fonts, no network; the style sheet is inline and the chart is
/// inline SVG. Every verdict is shown by a letter as well as a colour (B breach, F failed, U undetermined,
/// C compliant, – not applicable), so it reads in grey and on paper. Every value taken from a case or a pack (ids,
/// titles, messages, fact values, quotes) is HTML-escaped. The markup is also well-formed XML.
/// </para>
/// <para>
/// Give the reports one at a time with <see cref="Write(CheckReport)"/> (for example straight from
/// <see cref="RulePack.CheckAll"/>), then call <see cref="Complete"/>, which writes the page. The heat map comes
/// first, so nothing can be written before the last case; instead the writer keeps a small summary of each case (its
/// verdicts and its breaches already rendered, a few kilobytes), never the reports themselves. A case no pack could be
/// chosen for is given with <see cref="WriteNotChecked"/>. With reports of one pack only, the page is laid out for that
/// pack alone (one heat map, one chart); with reports of several, in the order the packs were first seen.
/// </para>
/// <para>Not thread-safe: use one writer from one thread at a time. The writer never closes the <see cref="TextWriter"/>.</para>
/// </remarks>
public sealed class HtmlReportWriter
{
    private readonly TextWriter _output;
    private readonly HtmlReportOptions _options;
    private readonly List<CaseSummary> _cases = new();
    private readonly List<RulePack> _packs = new();
    private bool _completed;

    /// <summary>Creates a writer that will write the page to <paramref name="output"/> when <see cref="Complete"/> is called.</summary>
    /// <param name="output">
    /// Where the page goes; left open. The page declares UTF-8, so a file should be written as UTF-8 (the default of
    /// <see cref="StreamWriter"/>).
    /// </param>
    /// <param name="options">Title and content options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    public HtmlReportWriter(TextWriter output, HtmlReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _options = options ?? new HtmlReportOptions();
    }

    /// <summary>How many cases have been given so far, to <see cref="Write(CheckReport)"/> and to <see cref="WriteNotChecked"/>.</summary>
    public int CaseCount => _cases.Count;

    /// <summary>Writes the page for a batch of reports to <paramref name="output"/>, reading the reports once, in order.</summary>
    /// <param name="output">Where the page goes; left open.</param>
    /// <param name="reports">The reports, from one rule pack or several.</param>
    /// <param name="options">Title and content options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> or <paramref name="reports"/> is <see langword="null"/>.</exception>
    public static void Write(TextWriter output, IEnumerable<CheckReport> reports, HtmlReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var writer = new HtmlReportWriter(output, options);
        foreach (var report in reports)
        {
            writer.Write(report);
        }

        writer.Complete();
    }

    /// <summary>Adds one case to the page: keeps its verdicts and renders its section; writes nothing yet.</summary>
    /// <param name="report">
    /// The case's report, from any rule pack: a pack not seen before (another id, version or set of principles) gets its
    /// own heading, heat map and chart, after those of the packs seen before it.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> has already been called.</exception>
    public void Write(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        ThrowIfCompleted();
        var group = _packs.FindIndex(p => SamePack(p, report.Pack));
        if (group < 0)
        {
            group = _packs.Count;
            _packs.Add(report.Pack);
        }

        _cases.Add(CaseSummary.From(report, _cases.Count + 1, group, _packs[group].Principles, _options.IncludeOtherVerdicts));
    }

    /// <summary>
    /// Adds a case that no rule pack could be chosen for: the totals count it ("n cases not checked: no rule pack could be
    /// chosen") and its section gives the selection's reason and the packs considered. Writes nothing yet.
    /// </summary>
    /// <param name="procurementId">The case's id.</param>
    /// <param name="title">The case's title; <see langword="null"/> when it has none.</param>
    /// <param name="selection">
    /// The selection that chose no pack (<see cref="PackSelection.Pack"/> is <see langword="null"/>: the status is
    /// <see cref="PackSelectionStatus.Ambiguous"/> or <see cref="PackSelectionStatus.NoPackApplies"/>).
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="procurementId"/> or <paramref name="selection"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The selection chose a pack: check the case with <see cref="PackSelection.Check"/> and give the report to <see cref="Write(CheckReport)"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> has already been called.</exception>
    public void WriteNotChecked(string procurementId, string? title, PackSelection selection)
    {
        ArgumentNullException.ThrowIfNull(procurementId);
        ArgumentNullException.ThrowIfNull(selection);
        ThrowIfCompleted();
        if (selection.Pack is not null)
        {
            throw new ArgumentException(
                $"A rule pack ({selection.Pack.Id}) was chosen for '{procurementId}'; check the case and give its report to Write instead.", nameof(selection));
        }

        _cases.Add(CaseSummary.NotChosen(procurementId, title, selection, _cases.Count + 1));
    }

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException("The HTML report is complete; no more cases can be added.");
        }
    }

    /// <summary>The same pack: the same object, or the same id, version and principles (a pack loaded twice).</summary>
    private static bool SamePack(RulePack a, RulePack b) =>
        ReferenceEquals(a, b)
        || (a.Id == b.Id && a.Version == b.Version && a.Principles.Select(p => p.Key).SequenceEqual(b.Principles.Select(p => p.Key), StringComparer.Ordinal));

    /// <summary>Writes the whole page. Call it once, after the last case; the writer is then finished.</summary>
    /// <exception cref="InvalidOperationException">Already called.</exception>
    public void Complete()
    {
        if (_completed)
        {
            throw new InvalidOperationException("The HTML report has already been written.");
        }

        _completed = true;
        var multi = _packs.Count > 1;
        var title = _options.Title ?? $"Principle verdicts for {Count(_cases.Count, "case", "cases")}";
        var o = _output;

        o.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        o.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        o.Write("<title>");
        o.Write(H(title));
        o.Write("</title>\n<style>");
        o.Write(StyleSheet);
        o.Write("</style>\n</head>\n<body>\n<header>\n<h1>");
        o.Write(H(title));
        o.Write("</h1>\n");
        if (!multi)
        {
            var pack = _packs.Count == 1 ? _packs[0] : null;
            if (pack is not null)
            {
                o.Write("<p class=\"pack\">Rule pack <code>");
                o.Write(H(pack.Id));
                o.Write("</code> ");
                o.Write(H(pack.Version));
                o.Write(": ");
                o.Write(H(pack.Title));
                o.Write("</p>\n");
            }

            var principles = pack?.Principles ?? Array.Empty<Principle>();
            WriteTotals(_cases, Count(principles.Count, "principle", "principles"));
            WriteNotChosenList();
            o.Write("<nav><a href=\"#heat-map\">Heat map</a> · <a href=\"#chart\">Breaches by principle</a> · <a href=\"#cases\">Cases</a></nav>\n</header>\n");
            var ofPack = _cases.Where(c => c.Pack == 0).ToList();
            WriteHeatMap(principles, ofPack, string.Empty, "h2");
            WriteChart(principles, ofPack, string.Empty, "h2");
        }
        else
        {
            WriteTotals(_cases, Count(_packs.Count, "rule pack", "rule packs"));
            WriteNotChosenList();
            o.Write("<nav>");
            for (var g = 0; g < _packs.Count; g++)
            {
                o.Write("<a href=\"#pack-");
                o.Write(Num(g + 1));
                o.Write("\"><code>");
                o.Write(H(_packs[g].Id));
                o.Write("</code></a> · ");
            }

            o.Write("<a href=\"#cases\">Cases</a></nav>\n</header>\n");
            for (var g = 0; g < _packs.Count; g++)
            {
                WritePack(g);
            }
        }

        o.Write("<section id=\"cases\">\n<h2>Cases</h2>\n");
        if (_cases.Count == 0)
        {
            o.Write("<p>No cases were checked.</p>\n");
        }

        foreach (var c in _cases)
        {
            // The section was rendered before the page's layout was known: name the pack only when there are several,
            // and link back to the case's own pack's heat map.
            var heatMap = multi ? "heat-map-" + Num(c.Pack + 1) : "heat-map";
            o.Write(c.Head);
            if (multi && c.Pack >= 0)
            {
                var pack = _packs[c.Pack];
                o.Write("<p class=\"meta\">Checked against rule pack <a href=\"#pack-");
                o.Write(Num(c.Pack + 1));
                o.Write("\"><code>");
                o.Write(H(pack.Id));
                o.Write("</code></a> ");
                o.Write(H(pack.Version));
                o.Write(": ");
                o.Write(H(pack.Title));
                o.Write(".</p>\n");
            }

            o.Write(c.Body.Replace(HeatMapLink, heatMap, StringComparison.Ordinal));
        }

        o.Write("</section>\n<footer><p>Written by Procurement.Rules. B breach, F failed, U undetermined (a fact the rule needs is not recorded), C compliant, – not applicable. What a case does not record is undetermined, never compliant.</p></footer>\n</body>\n</html>\n");
        o.Flush();
    }

    /// <summary>One pack's part of a page of several: its heading, period, totals, heat map and chart.</summary>
    private void WritePack(int group)
    {
        var o = _output;
        var pack = _packs[group];
        var suffix = "-" + Num(group + 1);
        var cases = _cases.Where(c => c.Pack == group).ToList();
        o.Write("<section class=\"pack\" id=\"pack");
        o.Write(suffix);
        o.Write("\">\n<h2>Rule pack <code>");
        o.Write(H(pack.Id));
        o.Write("</code> ");
        o.Write(H(pack.Version));
        o.Write(" <span class=\"title\">");
        o.Write(H(pack.Title));
        o.Write("</span></h2>\n<p class=\"period\">");
        o.Write(H(PeriodText(pack)));
        o.Write("</p>\n");
        WriteTotals(cases, Count(pack.Principles.Count, "principle", "principles"));
        o.Write("<nav><a href=\"#heat-map");
        o.Write(suffix);
        o.Write("\">Heat map</a> · <a href=\"#chart");
        o.Write(suffix);
        o.Write("\">Breaches by principle</a></nav>\n");
        WriteHeatMap(pack.Principles, cases, suffix, "h3");
        WriteChart(pack.Principles, cases, suffix, "h3");
        o.Write("</section>\n");
    }

    /// <summary>A pack's period in words: "In force from 2013-04-01 until 2023-12-31, by the date the process commenced; ...".</summary>
    private static string PeriodText(RulePack pack)
    {
        var text = new StringBuilder("In force from ").Append(Day(pack.InForceFrom));
        if (pack.InForceUntil is { } until)
        {
            text.Append(" until ").Append(Day(until));
        }

        text.Append(pack.DecidedBy == DecidingDate.Decision ? ", by the decision date" : ", by the date the process commenced (a modification: the date it was made)");
        if (pack.AppliesTo.Count > 0)
        {
            text.Append("; for commissioners of kind ").Append(string.Join(", ", pack.AppliesTo.Select(k => Names.Camel(k))));
        }

        if (pack.Versions.Count > 0)
        {
            text.Append(". Versions: ").Append(string.Join("; ", pack.Versions.Select(v => $"{v.Name} (from {Day(v.From)}): {v.Title}")));
        }

        return text.Append('.').ToString();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void WriteTotals(IReadOnlyList<CaseSummary> cases, string against)
    {
        var withBreaches = cases.Count(c => c.BreachCount > 0);
        var outside = cases.Count(c => c.Verdicts is null && c.Pack >= 0);
        var notChosen = cases.Count(c => c.Pack < 0);
        var breaches = cases.Sum(c => c.BreachCount);
        var text = new StringBuilder();
        text.Append(Count(cases.Count, "case", "cases")).Append(" against ").Append(against)
            .Append(": ").Append(Count(withBreaches, "case", "cases")).Append(" with at least one breach (")
            .Append(Count(breaches, "breach", "breaches")).Append(" in all)");
        if (outside > 0)
        {
            text.Append("; ").Append(Count(outside, "case", "cases")).Append(" not checked (decided outside the pack's period)");
        }

        if (notChosen > 0)
        {
            text.Append("; ").Append(Count(notChosen, "case", "cases")).Append(" not checked: no rule pack could be chosen");
        }

        _output.Write("<p class=\"totals\">");
        _output.Write(H(text.Append('.').ToString()));
        _output.Write("</p>\n");
    }

    /// <summary>Links to the cases no pack could be chosen for, when there are any.</summary>
    private void WriteNotChosenList()
    {
        var notChosen = _cases.Where(c => c.Pack < 0).ToList();
        if (notChosen.Count == 0)
        {
            return;
        }

        _output.Write("<p class=\"not-chosen\" id=\"not-chosen\">No rule pack could be chosen for: ");
        for (var i = 0; i < notChosen.Count; i++)
        {
            _output.Write(i == 0 ? "<a href=\"#c" : ", <a href=\"#c");
            _output.Write(Num(notChosen[i].Index));
            _output.Write("\">");
            _output.Write(H(notChosen[i].Id));
            _output.Write("</a>");
        }

        _output.Write(".</p>\n");
    }

    private void WriteHeatMap(IReadOnlyList<Principle> principles, IReadOnlyList<CaseSummary> cases, string suffix, string heading)
    {
        var o = _output;
        o.Write("<section id=\"heat-map");
        o.Write(suffix);
        o.Write("\">\n<");
        o.Write(heading);
        o.Write(">Principle verdicts by case</");
        o.Write(heading);
        o.Write(">\n");
        o.Write("<p class=\"note\">A row per case, a column per principle; each cell is the worst outcome among the principle's rules and links to the case's details. The right margin counts each case's principles by verdict; the bottom margin counts the cases with each verdict per principle.</p>\n");
        WriteLegend();
        if (cases.Count == 0 || principles.Count == 0)
        {
            o.Write("<p>No cases were checked.</p>\n</section>\n");
            return;
        }

        // Margin columns: every kind, but failed only when it occurs (it means a rule could not be evaluated).
        var margins = Kinds.Where(k => k != OutcomeKind.Failed || cases.Any(c => c.Verdicts is not null && Array.IndexOf(c.Verdicts, k) >= 0)).ToArray();

        o.Write("<table class=\"heat\">\n<thead>\n<tr><th scope=\"col\" class=\"case\">Case</th>");
        for (var p = 0; p < principles.Count; p++)
        {
            o.Write("<th scope=\"col\" class=\"p\" title=\"");
            o.Write(H(principles[p].Title + ": " + principles[p].Summary));
            o.Write("\"><span>");
            o.Write(H(principles[p].Key));
            o.Write("</span></th>");
        }

        foreach (var kind in margins)
        {
            o.Write(kind == margins[0] ? "<th scope=\"col\" class=\"m first\"" : "<th scope=\"col\" class=\"m\"");
            o.Write(" title=\"the number of principles with this verdict\"><span>");
            o.Write(Name(kind));
            o.Write("</span></th>");
        }

        o.Write("</tr>\n</thead>\n<tbody>\n");
        foreach (var c in cases)
        {
            o.Write("<tr><th scope=\"row\" class=\"case\"><a href=\"#c");
            o.Write(Num(c.Index));
            o.Write("\">");
            o.Write(H(c.Id));
            o.Write("</a>");
            if (c.Title is not null)
            {
                o.Write("<span class=\"t\">");
                o.Write(H(c.Title));
                o.Write("</span>");
            }

            o.Write("</th>");
            if (c.Verdicts is null)
            {
                o.Write("<td class=\"skipped\" colspan=\"");
                o.Write(Num(principles.Count));
                o.Write("\">not checked: decided outside the pack's period</td>");
            }
            else
            {
                for (var p = 0; p < principles.Count; p++)
                {
                    var kind = c.Verdicts[p];
                    o.Write("<td class=\"v ");
                    o.Write(Css(kind));
                    o.Write("\"><a href=\"#c");
                    o.Write(Num(c.Index));
                    if (kind == OutcomeKind.Breach || _options.IncludeOtherVerdicts)
                    {
                        // Breaches are always listed; the other verdicts only when asked for, else the link goes to the case.
                        o.Write("-p");
                        o.Write(Num(p + 1));
                    }

                    o.Write("\" title=\"");
                    o.Write(H($"{c.Id}, {principles[p].Key}: {Name(kind)}"));
                    o.Write("\">");
                    o.Write(Letter(kind));
                    o.Write("</a></td>");
                }
            }

            foreach (var kind in margins)
            {
                o.Write(kind == margins[0] ? "<td class=\"m first\">" : "<td class=\"m\">");
                o.Write(c.Verdicts is null ? "–" : Num(c.Verdicts.Count(v => v == kind)));
                o.Write("</td>");
            }

            o.Write("</tr>\n");
        }

        o.Write("</tbody>\n<tfoot>\n");
        foreach (var kind in margins)
        {
            o.Write("<tr><th scope=\"row\" class=\"case\">");
            o.Write("<span class=\"badge ");
            o.Write(Css(kind));
            o.Write("\">");
            o.Write(Letter(kind));
            o.Write("</span> cases with ");
            o.Write(Name(kind));
            o.Write("</th>");
            for (var p = 0; p < principles.Count; p++)
            {
                var n = cases.Count(c => c.Verdicts is not null && c.Verdicts[p] == kind);
                o.Write(n == 0 ? "<td class=\"m zero\">" : "<td class=\"m\">");
                o.Write(Num(n));
                o.Write("</td>");
            }

            o.Write("<td class=\"m first\" colspan=\"");
            o.Write(Num(margins.Length));
            o.Write("\"></td></tr>\n");
        }

        o.Write("</tfoot>\n</table>\n</section>\n");
    }

    private void WriteLegend()
    {
        _output.Write("<ul class=\"legend\">");
        foreach (var kind in Kinds)
        {
            _output.Write("<li><span class=\"badge ");
            _output.Write(Css(kind));
            _output.Write("\">");
            _output.Write(Letter(kind));
            _output.Write("</span> ");
            _output.Write(Name(kind));
            _output.Write("</li>");
        }

        _output.Write("</ul>\n");
    }

    private void WriteChart(IReadOnlyList<Principle> principles, IReadOnlyList<CaseSummary> ofPack, string suffix, string heading)
    {
        var o = _output;
        o.Write("<section id=\"chart");
        o.Write(suffix);
        o.Write("\">\n<");
        o.Write(heading);
        o.Write(">Breaches by principle</");
        o.Write(heading);
        o.Write(">\n");
        var breaches = new int[principles.Count];
        var cases = new int[principles.Count];
        foreach (var c in ofPack)
        {
            for (var p = 0; p < principles.Count && c.Verdicts is not null; p++)
            {
                breaches[p] += c.BreachesByPrinciple[p];
                cases[p] += c.BreachesByPrinciple[p] > 0 ? 1 : 0;
            }
        }

        if (principles.Count == 0)
        {
            o.Write("<p>No cases were checked.</p>\n</section>\n");
            return;
        }

        if (suffix.Length > 0 && breaches.All(b => b == 0))
        {
            // On a page of several packs, a pack without breaches gets a line instead of an empty chart.
            o.Write("<p class=\"note\">No case checked against this pack breaches any of its principles.</p>\n</section>\n");
            return;
        }

        o.Write("<p class=\"note\">Each bar counts the rules of the principle breached, summed over the cases; the label gives the number and how many cases they fall in.</p>\n");

        // Geometry (px): a label column, a bar area with a few gridlines, room for the count after the longest bar.
        const int labelWidth = 270, barArea = 420, countWidth = 190, rowHeight = 24, barHeight = 16, top = 8, axis = 24;
        var max = Math.Max(1, breaches.Max());
        var step = NiceStep(max);
        var scaleMax = (max + step - 1) / step * step;
        var width = labelWidth + barArea + countWidth;
        var height = top + (principles.Count * rowHeight) + axis;
        o.Write(FormattableString.Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"chart-title{suffix}\">\n"));
        o.Write("<title id=\"chart-title");
        o.Write(suffix);
        o.Write("\">Breaches by principle</title>\n");
        var plotBottom = top + (principles.Count * rowHeight);
        for (var tick = 0; tick <= scaleMax; tick += step)
        {
            var x = labelWidth + (tick * barArea / scaleMax);
            o.Write(FormattableString.Invariant($"<line class=\"grid\" x1=\"{x}\" y1=\"{top}\" x2=\"{x}\" y2=\"{plotBottom}\"/><text class=\"tick\" x=\"{x}\" y=\"{plotBottom + 16}\" text-anchor=\"middle\">{tick}</text>\n"));
        }

        for (var p = 0; p < principles.Count; p++)
        {
            var y = top + (p * rowHeight);
            var barWidth = breaches[p] * barArea / scaleMax;
            var label = breaches[p] == 0 ? "0" : $"{Count(breaches[p], "breach", "breaches")} in {Count(cases[p], "case", "cases")}";
            o.Write("<g><title>");
            o.Write(H($"{principles[p].Key} ({principles[p].Title}): {label}"));
            o.Write("</title>");
            o.Write(FormattableString.Invariant($"<text class=\"label\" x=\"{labelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\">"));
            o.Write(H(principles[p].Key));
            o.Write("</text>");
            if (barWidth > 0)
            {
                o.Write(FormattableString.Invariant($"<rect class=\"bar\" x=\"{labelWidth}\" y=\"{y + ((rowHeight - barHeight) / 2)}\" width=\"{barWidth}\" height=\"{barHeight}\"/>"));
            }

            o.Write(FormattableString.Invariant($"<text class=\"count\" x=\"{labelWidth + barWidth + 6}\" y=\"{y + 16}\">"));
            o.Write(H(label));
            o.Write("</text></g>\n");
        }

        o.Write(FormattableString.Invariant($"<line class=\"axis\" x1=\"{labelWidth}\" y1=\"{top}\" x2=\"{labelWidth}\" y2=\"{plotBottom}\"/>\n"));
        o.Write("</svg>\n</section>\n");
    }

    /// <summary>A gridline step giving at most about five lines: 1, 2 or 5 times a power of ten.</summary>
    private static int NiceStep(int max)
    {
        for (var magnitude = 1; ; magnitude *= 10)
        {
            foreach (var m in new[] { 1, 2, 5 })
            {
                if (max / (m * magnitude) <= 5)
                {
                    return m * magnitude;
                }
            }
        }
    }

    /// <summary>
    /// Where a case section's "back to the heat map" link goes, filled in by <see cref="Complete"/> once the page's layout
    /// is known. A control character, which <see cref="H"/> never lets through, so no value from a case can contain it.
    /// </summary>
    private const string HeatMapLink = "\u0001heat-map\u0001";

    /// <summary>What the writer keeps of one case: its verdicts, breach counts and its section, already rendered.</summary>
    private sealed class CaseSummary
    {
        public required int Index { get; init; }

        public required string Id { get; init; }

        public string? Title { get; init; }

        /// <summary>The index of the case's pack in the writer's packs; -1 when no pack could be chosen for it.</summary>
        public required int Pack { get; init; }

        /// <summary>The verdict per principle, in the pack's principle order; <see langword="null"/> when not checked.</summary>
        public OutcomeKind[]? Verdicts { get; init; }

        public required int[] BreachesByPrinciple { get; init; }

        public int BreachCount => BreachesByPrinciple.Sum();

        /// <summary>The section's opening and heading, up to where a page of several packs names the case's pack.</summary>
        public required string Head { get; init; }

        /// <summary>The rest of the section; its link back to the heat map is <see cref="HeatMapLink"/>.</summary>
        public required string Body { get; init; }

        public static CaseSummary From(CheckReport report, int index, int pack, IReadOnlyList<Principle> principles, bool includeOthers)
        {
            var verdicts = report.Verdicts;
            var checkedIt = report.Period != PeriodStatus.OutsidePeriod && verdicts.Count == principles.Count;
            var byPrinciple = new int[principles.Count];
            if (checkedIt)
            {
                for (var p = 0; p < principles.Count; p++)
                {
                    byPrinciple[p] = verdicts[p].Kind == OutcomeKind.Breach ? verdicts[p].DecidedBy.Count : 0;
                }
            }

            return new CaseSummary
            {
                Index = index,
                Id = report.ProcurementId,
                Title = report.ProcurementTitle,
                Pack = pack,
                Verdicts = checkedIt ? verdicts.Select(v => v.Kind).ToArray() : null,
                BreachesByPrinciple = byPrinciple,
                Head = RenderHead(report.ProcurementId, report.ProcurementTitle, index),
                Body = RenderBody(report, index, checkedIt, includeOthers),
            };
        }

        public static CaseSummary NotChosen(string id, string? title, PackSelection selection, int index)
        {
            var s = new StringBuilder();
            s.Append("<p class=\"meta\"><span class=\"badge n\">–</span> <strong>Not checked: no rule pack could be chosen.</strong> ").Append(H(selection.Reason))
                .Append(" <a href=\"#not-chosen\">Back to the totals</a></p>\n");
            if (selection.Considered.Count > 0)
            {
                s.Append("<ul class=\"considered\">");
                foreach (var line in selection.Considered)
                {
                    s.Append("<li>").Append(H(line)).Append("</li>");
                }

                s.Append("</ul>\n");
            }

            s.Append("</section>\n");
            return new CaseSummary
            {
                Index = index,
                Id = id,
                Title = title,
                Pack = -1,
                Verdicts = null,
                BreachesByPrinciple = Array.Empty<int>(),
                Head = RenderHead(id, title, index, "case not-chosen"),
                Body = s.ToString(),
            };
        }

        private static string RenderHead(string procurementId, string? title, int index, string cssClass = "case")
        {
            var s = new StringBuilder();
            s.Append("<section class=\"").Append(cssClass).Append("\" id=\"c").Append(Num(index)).Append("\">\n<h3><span class=\"num\">").Append(Num(index)).Append(".</span> ")
                .Append(H(procurementId));
            if (title is not null)
            {
                s.Append(" <span class=\"title\">").Append(H(title)).Append("</span>");
            }

            return s.Append("</h3>\n").ToString();
        }

        private static string RenderBody(CheckReport report, int index, bool checkedIt, bool includeOthers)
        {
            var s = new StringBuilder();
            var id = "c" + Num(index);
            if (TextReport.SelectionNote(report) is { } chosen)
            {
                s.Append("<p class=\"meta\">").Append(H(chosen)).Append("</p>\n");
            }

            s.Append("<p class=\"meta\">").Append(H(TextReport.PeriodNote(report))).Append(" Result: ").Append(H(TextReport.Summary(report)))
                .Append(". <a href=\"#").Append(HeatMapLink).Append("\">Back to the heat map</a></p>\n");
            if (!checkedIt)
            {
                s.Append("</section>\n");
                return s.ToString();
            }

            var verdicts = report.Verdicts;
            for (var p = 0; p < verdicts.Count; p++)
            {
                var v = verdicts[p];
                if (v.Kind != OutcomeKind.Breach)
                {
                    continue;
                }

                s.Append("<div class=\"principle\" id=\"").Append(id).Append("-p").Append(Num(p + 1)).Append("\">\n<h4><span class=\"badge b\">B</span> ")
                    .Append(H(v.Principle.Key)).Append(" <span class=\"title\">").Append(H(v.Principle.Title)).Append("</span></h4>\n");
                foreach (var breach in v.DecidedBy)
                {
                    AppendBreach(s, breach);
                }

                s.Append("</div>\n");
            }

            if (includeOthers)
            {
                s.Append("<table class=\"others\">\n<caption>Other principles</caption>\n<tbody>\n");
                for (var p = 0; p < verdicts.Count; p++)
                {
                    var v = verdicts[p];
                    if (v.Kind == OutcomeKind.Breach)
                    {
                        continue;
                    }

                    s.Append("<tr id=\"").Append(id).Append("-p").Append(Num(p + 1)).Append("\"><th scope=\"row\">").Append(H(v.Principle.Key))
                        .Append("</th><td><span class=\"badge ").Append(Css(v.Kind)).Append("\">").Append(Letter(v.Kind)).Append("</span> ")
                        .Append(Name(v.Kind)).Append("</td><td>").Append(H(Detail(v)));
                    AppendWouldDecide(s, v);
                    s.Append("</td></tr>\n");
                }

                s.Append("</tbody>\n</table>\n");
            }

            s.Append("</section>\n");
            return s.ToString();
        }

        private static void AppendBreach(StringBuilder s, RuleOutcome breach)
        {
            var rule = breach.Rule;
            s.Append("<article class=\"breach\">\n<h5><span class=\"sev\">").Append(TextReport.Label(rule.Severity)).Append("</span> <code>")
                .Append(H(rule.Id)).Append("</code> ").Append(H(rule.Title)).Append("</h5>\n<p class=\"msg\">").Append(H(breach.Message)).Append("</p>\n");
            if (breach.Facts.Count > 0)
            {
                s.Append("<dl class=\"facts\">");
                foreach (var fact in breach.Facts)
                {
                    s.Append("<dt>").Append(H(fact.Name)).Append("</dt><dd>").Append(H(fact.Display)).Append("</dd>");
                }

                s.Append("</dl>\n");
            }

            if (breach.Derived.Count > 0)
            {
                s.Append("<p class=\"derived\">Derived facts used:</p>\n<ul class=\"derived\">");
                foreach (var fact in breach.Derived)
                {
                    s.Append("<li>").Append(H(TextReport.DerivedLine(fact))).Append("</li>");
                }

                s.Append("</ul>\n");
            }

            foreach (var citation in breach.Citations)
            {
                s.Append("<blockquote><p>").Append(H(citation.Quote)).Append("</p><p class=\"src\">— ").Append(H(citation.SourceId)).Append(", ")
                    .Append(H(citation.Locator)).Append("</p></blockquote>\n");
            }

            s.Append("</article>\n");
        }

        /// <summary>
        /// For an undetermined principle: what would decide it, from the missing facts of its rules (each once, in order),
        /// at most two lines as for one rule; <c>`key`</c> spans shown as code.
        /// </summary>
        private static void AppendWouldDecide(StringBuilder s, PrincipleVerdict v)
        {
            if (v.Kind != OutcomeKind.Undetermined)
            {
                return;
            }

            var missing = v.DecidedBy.SelectMany(o => o.MissingFacts).Distinct(StringComparer.Ordinal).ToList();
            var lines = FactDescriptions.WouldDecide(missing);
            if (lines.Length == 0)
            {
                return;
            }

            s.Append("<ul class=\"decide\">");
            foreach (var line in lines)
            {
                s.Append("<li><span class=\"label\">").Append(H(TextReport.WouldDecideLabel.TrimEnd())).Append("</span> ").Append(WithCode(line)).Append("</li>");
            }

            s.Append("</ul>");
        }

        /// <summary>A sentence of ours, HTML-escaped, its <c>`key`</c> spans as <c>&lt;code&gt;</c>.</summary>
        private static string WithCode(string sentence)
        {
            var parts = sentence.Split('`');
            var html = new StringBuilder(sentence.Length + 32);
            for (var i = 0; i < parts.Length; i++)
            {
                if (i % 2 == 1 && i < parts.Length - 1)
                {
                    html.Append("<code>").Append(H(parts[i])).Append("</code>");
                }
                else
                {
                    html.Append(H(parts[i]));
                }
            }

            return html.ToString();
        }

        /// <summary>What decided a verdict other than a breach, in a line.</summary>
        private static string Detail(PrincipleVerdict v)
        {
            var rules = string.Join(", ", v.DecidedBy.Select(o => o.Rule.Id));
            var derived = v.DecidedBy.SelectMany(o => o.Derived).Distinct().Select(TextReport.DerivedLine).ToArray();
            if (derived.Length > 0 && v.Kind is OutcomeKind.Undetermined or OutcomeKind.Compliant)
            {
                // The derived facts a verdict rests on, after what decided it.
                rules += "; derived: " + string.Join("; ", derived);
            }

            return v.Kind switch
            {
                OutcomeKind.Undetermined => "not recorded: " + string.Join(", ", v.DecidedBy.SelectMany(o => o.MissingFacts).Distinct(StringComparer.Ordinal)) + " (" + rules + ")",
                OutcomeKind.Failed => string.Join("; ", v.DecidedBy.Select(o => o.Rule.Id + ": " + o.Error)),
                OutcomeKind.Compliant => rules,
                _ => "no rule of this principle applies",
            };
        }
    }

    private static readonly OutcomeKind[] Kinds =
        { OutcomeKind.Breach, OutcomeKind.Failed, OutcomeKind.Undetermined, OutcomeKind.Compliant, OutcomeKind.NotApplicable };

    private static string Letter(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Breach => "B",
        OutcomeKind.Failed => "F",
        OutcomeKind.Undetermined => "U",
        OutcomeKind.Compliant => "C",
        _ => "–",
    };

    private static string Css(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Breach => "b",
        OutcomeKind.Failed => "f",
        OutcomeKind.Undetermined => "u",
        OutcomeKind.Compliant => "c",
        _ => "n",
    };

    private static string Name(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Breach => "breach",
        OutcomeKind.Failed => "failed",
        OutcomeKind.Undetermined => "undetermined",
        OutcomeKind.Compliant => "compliant",
        _ => "not applicable",
    };

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Count(int n, string one, string many) => Num(n) + " " + (n == 1 ? one : many);

    /// <summary>
    /// HTML-escapes a value from a case or a pack, for text and for double-quoted attributes. Control characters, which
    /// neither HTML nor XML may carry, become U+FFFD first; bidirectional marks, embeddings, overrides and isolates and
    /// the Unicode line and paragraph separators are shown as <c>\uXXXX</c>, as in text reports, so a title cannot
    /// reorder what a reader sees (U+202E shows <c>gnp.exe</c> as <c>exe.png</c>); WebUtility does the escaping.
    /// </summary>
    internal static string H(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        static bool Forbidden(char c) => (c < ' ' && c != '\n' && c != '\t' && c != '\r') || (c >= '\u007f' && c <= '\u009f') || c == '\uFFFE' || c == '\uFFFF';
        static bool Reordering(char c) => c is '\u2028' or '\u2029' or '\u200e' or '\u200f' or '\u061c'
            || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
        var clean = text;
        if (text.Any(c => Forbidden(c) || Reordering(c)))
        {
            var builder = new StringBuilder(text.Length + 16);
            foreach (var c in text)
            {
                if (Forbidden(c))
                {
                    builder.Append('\uFFFD');
                }
                else if (Reordering(c))
                {
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }

            clean = builder.ToString();
        }

        return WebUtility.HtmlEncode(clean);
    }

    // The whole style sheet. Colours from a diverging palette that stays distinct in the common colour-blindnesses;
    // the letters carry the meaning anyway. No '<' or '&' here: the page stays well-formed XML.
    private const string StyleSheet = """

        :root { color-scheme: light; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1b1b; background: #fff; margin: 1.5rem 2rem; max-width: 1400px; }
        h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
        h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #1b1b1b; padding-bottom: .2rem; }
        h3 { font-size: 1.1rem; margin: 0 0 .3rem; }
        h4 { font-size: 1rem; margin: .8rem 0 .3rem; }
        h5 { font-size: .95rem; margin: .5rem 0 .2rem; }
        .title, .t { font-weight: normal; color: #444; }
        p.pack, p.totals, p.note, p.meta { margin: .2rem 0; }
        p.note, p.meta { color: #444; }
        nav { margin: .5rem 0 0; }
        a { color: #0b4f9c; }
        code { font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, monospace; font-size: .92em; }
        .legend { list-style: none; padding: 0; margin: .6rem 0; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; }
        .badge { display: inline-block; min-width: 1.4em; text-align: center; font-weight: 700; border: 1px solid #555; border-radius: 3px; padding: 0 .15em; }
        .b { background: #b2182b; color: #fff; }
        .f { background: #542788; color: #fff; }
        .u { background: #fdb863; color: #1b1b1b; }
        .c { background: #2166ac; color: #fff; }
        .n { background: #f4f4f4; color: #555; }
        table.heat { border-collapse: collapse; font-size: 13px; }
        table.heat th, table.heat td { border: 1px solid #8a8a8a; }
        table.heat thead th { position: sticky; top: 0; background: #fff; z-index: 1; }
        table.heat thead th.case { vertical-align: bottom; }
        table.heat .m.first { border-left: 2px solid #1b1b1b; }
        table.heat th.p, table.heat th.m { vertical-align: bottom; padding: .3rem 0; width: 2.1em; }
        table.heat th.p span, table.heat th.m span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 600; }
        table.heat th.m span { font-weight: normal; font-style: italic; }
        table.heat th.case { text-align: left; font-weight: normal; padding: .15rem .5rem; max-width: 26rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        table.heat th.case a { font-weight: 600; }
        table.heat th.case .t { margin-left: .5em; }
        table.heat td.v { padding: 0; text-align: center; font-weight: 700; }
        table.heat td.v a { display: block; color: inherit; text-decoration: none; padding: .15rem 0; min-width: 2.1em; }
        table.heat td.v a:hover, table.heat td.v a:focus { outline: 2px solid #1b1b1b; outline-offset: -3px; }
        table.heat td.m { text-align: right; padding: .15rem .4rem; background: #fafafa; font-variant-numeric: tabular-nums; }
        table.heat td.zero { color: #999; }
        table.heat td.skipped { text-align: center; color: #555; font-style: italic; background: repeating-linear-gradient(45deg, #fff, #fff 4px, #eee 4px, #eee 8px); }
        table.heat tfoot th, table.heat tfoot td { border-top: 2px solid #1b1b1b; }
        table.heat tfoot tr + tr th, table.heat tfoot tr + tr td { border-top: 1px solid #8a8a8a; }
        svg.chart { max-width: 100%; height: auto; font: 13px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
        svg.chart .bar { fill: #b2182b; }
        svg.chart .grid { stroke: #ddd; }
        svg.chart .axis { stroke: #1b1b1b; }
        svg.chart .tick { fill: #555; font-size: 11px; }
        section.case { border-top: 1px solid #bbb; padding: .8rem 0; }
        h2 + section.case { border-top: none; }
        .num { color: #555; }
        .principle { margin-left: .5rem; }
        article.breach { margin: 0 0 .6rem 1.2rem; padding-left: .7rem; border-left: 4px solid #b2182b; }
        .sev { text-transform: uppercase; font-size: .75em; letter-spacing: .05em; border: 1px solid #b2182b; color: #b2182b; padding: 0 .3em; border-radius: 3px; }
        p.msg { margin: .2rem 0; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0 .8rem; margin: .2rem 0; font-size: .92em; }
        dl.facts dt { font-family: ui-monospace, Menlo, Consolas, monospace; color: #444; }
        dl.facts dd { margin: 0; }
        blockquote { margin: .3rem 0; padding: .2rem .8rem; background: #f6f6f6; border-left: 3px solid #888; }
        blockquote p { margin: .1rem 0; }
        blockquote p:first-child::before { content: "\201C"; }
        blockquote p:first-child::after { content: "\201D"; }
        blockquote p.src { color: #444; font-size: .9em; }
        table.others { border-collapse: collapse; margin: .6rem 0 0 .5rem; font-size: .92em; }
        table.others caption { text-align: left; font-weight: 600; padding-bottom: .2rem; }
        table.others th, table.others td { text-align: left; vertical-align: top; padding: .1rem .6rem .1rem 0; border-bottom: 1px solid #e3e3e3; }
        table.others th { font-weight: normal; font-family: ui-monospace, Menlo, Consolas, monospace; white-space: nowrap; }
        table.others td:first-of-type { white-space: nowrap; }
        ul.decide { margin: .15rem 0 .1rem; padding-left: 1.1rem; color: #1b1b1b; }
        ul.decide .label { font-weight: 600; }
        :target { background: #fff6c9; }
        table.heat td.v:target { outline: 3px solid #1b1b1b; }
        section.pack { margin-top: 2.5rem; }
        section.pack h2 .title { font-size: .85em; }
        section.pack h3 { margin-top: 1.2rem; }
        p.period { margin: .2rem 0; color: #444; }
        ul.considered { margin: .2rem 0 0; padding-left: 1.2rem; color: #444; font-size: .92em; }
        footer { margin-top: 2rem; color: #444; font-size: .9em; }
        @page { size: A4 landscape; margin: 10mm; }
        @media print {
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          body { margin: 0; font-size: 11px; max-width: none; }
          table.heat { font-size: 10px; }
          table.heat th.case .t { display: none; }
          nav, .meta a { display: none; }
          a { color: inherit; text-decoration: none; }
          table.heat thead th { position: static; }
          table.heat tr, article.breach, blockquote { break-inside: avoid; }
          section.case { break-inside: avoid-page; }
          #chart { break-before: page; }
          section.pack { break-before: page; }
        }

        """;
}
